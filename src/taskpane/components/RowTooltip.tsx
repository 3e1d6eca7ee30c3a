/**
 * A tooltip for elements repeated on every row (the measure's name, a shared rank, a segment
 * badge). Fluent's `relationship="description"` keeps a hidden portal per tooltip so that
 * aria-describedby has a target: at 300 rows that is 300 portals, each with React's event
 * listeners, and a slow first ranking. Here the text is the trigger's `aria-description`
 * (what screen readers read the same way) and the popup is rendered only while it shows.
 */
import { Tooltip } from "../../ui/tooltip";
import { cloneElement, type ReactElement } from "react";

export function RowTooltip({ text, withArrow, children }: { text: string; withArrow?: boolean; children: ReactElement }) {
  return (
    <Tooltip content={text} relationship="inaccessible" withArrow={withArrow}>
      {cloneElement(children, { "aria-description": text })}
    </Tooltip>
  );
}
