/**
 * The *Utvalg* tab's content, loaded on demand: SelectionView (one frame) and PlanView (by step,
 * issue 21), the selection's and the plan's code and HiGHS are in chunks of their own, so the pane's
 * initial JavaScript carries only this wrapper. The two views are switched by a pair of buttons
 * (data-testid selection-mode-single / selection-mode-steps, aria-pressed on the one shown).
 */
import { Spinner, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useState } from "react";
import type { PlanActions } from "../../app/app-state";
import type { Assessment } from "../../core/assess";
import type { Lang } from "../../i18n";
import { tp } from "../../i18n/taskpane";
import { pt } from "../../i18n/plan-mode";

const SelectionView = lazy(() => import("./SelectionView"));
const PlanView = lazy(() => import("./PlanView"));

const useStyles = makeStyles({
  modes: { display: "flex", gap: tokens.spacingHorizontalS, paddingBottom: tokens.spacingVerticalS },
});

export function SelectionTab({ lang, assessment, plan }: { lang: Lang; assessment: Assessment; plan?: PlanActions }) {
  const s = useStyles();
  const [mode, setMode] = useState<"single" | "steps">("single");
  const loading = <Spinner size="small" label={tp(lang, "status.loading")} data-testid="selection-loading" />;
  return (
    <>
      {plan && (
        <div className={s.modes} role="group" aria-label={pt(lang, "paneModeLabel")}>
          <ToggleButton size="small" checked={mode === "single"} onClick={() => setMode("single")} data-testid="selection-mode-single">
            {pt(lang, "paneSingle")}
          </ToggleButton>
          <ToggleButton size="small" checked={mode === "steps"} onClick={() => setMode("steps")} data-testid="selection-mode-steps">
            {pt(lang, "paneSteps")}
          </ToggleButton>
        </div>
      )}
      <Suspense fallback={loading}>{plan && mode === "steps" ? <PlanView lang={lang} assessment={assessment} plan={plan} /> : <SelectionView lang={lang} assessment={assessment} />}</Suspense>
    </>
  );
}
