/** Small DOM look-ups for the view tests. */
import { screen } from "@testing-library/react";

/** The ranking row (ranked or not) of a measure. */
export function rowOf(measureId: string): HTMLElement {
  const rows = [...screen.queryAllByTestId("ranking-row"), ...screen.queryAllByTestId("ranking-unranked-row")];
  const el = rows.find((r) => r.getAttribute("data-measure-id") === measureId);
  if (!el) throw new Error(`no ranking row for ${measureId}`);
  return el;
}

/** Every finding item with this cell (data-cell), optionally of one code. */
export function findingsAt(cell: string, code?: string): HTMLElement[] {
  return screen
    .queryAllByTestId("finding")
    .filter((f) => f.getAttribute("data-cell") === cell && (code === undefined || f.getAttribute("data-code") === code));
}
