/**
 * «Eksporter» in the task pane's header: opens the export dialog (ExportDialog.tsx), which is
 * loaded only when first opened, as its own chunk with the export code (pptxgenjs and the export
 * strings load later still, on the button that needs them), so the pane's initial JavaScript is
 * this button. data-testid: export-open.
 */
import { Button, Spinner } from "@fluentui/react-components";
import { ArrowExportUp20Regular } from "@fluentui/react-icons";
import { Suspense, lazy, useEffect, useRef, useState } from "react";
import { tp } from "../../i18n/taskpane";
import type { AppState } from "../../app/app-state";
import type { RankingFilter } from "./RankingView";
import { useHeaderButtonStyles } from "../../ui/header-button";


const ExportDialog = lazy(() => import(/* webpackChunkName: "export-dialog" */ "./ExportDialog"));

export function ExportButton({ state, filter }: { state: AppState; filter: RankingFilter }) {
  const s = useHeaderButtonStyles();
  const [open, setOpen] = useState(false);
  // Closing the dialog (its button, Escape) brings the focus back to «Eksporter».
  const button = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  useEffect(() => {
    if (!open && closed.current) button.current?.focus();
    closed.current = false;
  }, [open]);
  if (!state.assessment || (state.status !== "ready" && state.status !== "legacy")) return null;
  return (
    <>
      <Button
        ref={button}
        appearance="subtle"
        size="small"
        icon={<ArrowExportUp20Regular />}
        aria-label={tp(state.lang, "action.export")}
        className={s.button}
        onClick={() => setOpen(true)}
        data-testid="export-open"
      >
        <span className={s.label}>{tp(state.lang, "action.export")}</span>
      </Button>
      {open && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <ExportDialog
            state={state}
            filter={filter}
            onClose={() => {
              closed.current = true;
              setOpen(false);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
