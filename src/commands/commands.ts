/**
 * Ribbon commands, run in the shared runtime (FunctionFile = the task pane page): «Beregn på nytt»
 * asks the one controller to read the workbook again. The action always completes, also when the
 * recompute fails, so the ribbon button never stays busy; the controller reports the failure in
 * its state (the task pane shows it).
 */
import { getSharedController } from "../excel/runtime";

export async function recalculate(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await getSharedController().recalc();
  } catch (err) {
    console.error("Prioritering: recalculate failed", err);
  } finally {
    event.completed();
  }
}

// Without office.js (a blocked network) there is nothing to associate; the task pane says why.
if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    Office.actions.associate("recalculate", recalculate);
  });
}
