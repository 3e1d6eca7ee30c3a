/**
 * The *Vurderere* tab's content, loaded on demand: the view, the scorers' code and strings and
 * (on *Hent vurderinger*) exceljs are chunks of their own; the pane's initial JavaScript carries
 * only this wrapper.
 */
import { Spinner } from "@fluentui/react-components";
import { Suspense, lazy } from "react";
import type { Assessment } from "../../core/assess";
import type { Lang } from "../../i18n";
import { tp } from "../../i18n/taskpane";

const ScorersView = lazy(() => import("../scorers/ScorersView"));

export function ScorersTab({
  lang,
  assessment,
  onChanged,
}: {
  lang: Lang;
  assessment: Assessment;
  onChanged: () => void;
}) {
  return (
    <Suspense
      fallback={
        <Spinner size="small" label={tp(lang, "status.loading")} data-testid="scorers-loading" />
      }
    >
      <ScorersView lang={lang} assessment={assessment} onChanged={onChanged} />
    </Suspense>
  );
}
