/**
 * The *Utvalg* tab's content, loaded on demand: SelectionView, the selection code and HiGHS are in
 * chunks of their own, so the pane's initial JavaScript carries only this wrapper.
 */
import { Spinner } from "@fluentui/react-components";
import { Suspense, lazy } from "react";
import type { Assessment } from "../../core/assess";
import type { Lang } from "../../i18n";
import { tp } from "../../i18n/taskpane";

const SelectionView = lazy(() => import("./SelectionView"));

export function SelectionTab({ lang, assessment }: { lang: Lang; assessment: Assessment }) {
  return (
    <Suspense fallback={<Spinner size="small" label={tp(lang, "status.loading")} data-testid="selection-loading" />}>
      <SelectionView lang={lang} assessment={assessment} />
    </Suspense>
  );
}
