/**
 * The add-in switches events off while it writes, so its own writes start no recompute. A batch
 * that fails part-way leaves what ran before the failure applied (Excel's rule), the switch-off
 * included, and the `enableEvents = true` queued after it never runs: automatic recompute would
 * stop until «Beregn på nytt». So a batch with events off is sent through here, which switches
 * them on again in one more sync when it fails, and rethrows.
 */
export async function syncEventsOff(context: Excel.RequestContext): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    await restoreEvents(context);
    throw e;
  }
}

/** Events on again after a failure (one sync); a failure of that sync too is left to the first one's report. */
export async function restoreEvents(context: Excel.RequestContext): Promise<void> {
  try {
    context.runtime.enableEvents = true;
    await context.sync();
  } catch {
    // The first failure is what the caller reports.
  }
}
