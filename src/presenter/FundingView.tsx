/**
 * The presenter's page «Hvor sikker er minimumslisten»: the minimum list now, each measure with a
 * bar for the share of the draws in which it is on the minimum list (the percentage printed beside
 * it), the share in which it is selected at all, and its label as a word (kjerne / grense /
 * utenfor, colour only beside the word); then the measures closest to coming in. The rows share
 * the window's height (--fund-rows), legible at 1280×720 (styles in presenter.html, `.funding`).
 */
import type { CSSProperties } from "react";
import type { PresenterFunding } from "./protocol";

export function FundingView({ f }: { f: PresenterFunding }) {
  const minimum = f.rows.filter((r) => r.now);
  const challengers = f.rows.filter((r) => !r.now);
  const rows = minimum.length + (challengers.length ? challengers.length + 1 : 0) + 1;
  const row = (r: PresenterFunding["rows"][number]) => (
    <tr key={r.id} data-testid="presenter-funding-row" data-measure-id={r.id} data-robust={r.robust} aria-label={r.label}>
      <th scope="row" className="fund-name">
        <span className="fund-label" title={r.name}>
          {r.name}
        </span>
      </th>
      <td className="fund-share">
        <span className="fund-cell">
          <span className="fund-bar" aria-hidden="true">
            <span style={{ width: `${(r.share * 100).toFixed(1)}%` }} />
          </span>
          <span className="fund-pct">{r.shareText}</span>
        </span>
      </td>
      <td className="fund-selected">{r.selectedText}</td>
      <td className="fund-robust">
        <span className={`fund-chip ${r.robust}`}>{r.robustText}</span>
      </td>
    </tr>
  );
  return (
    <section className="funding" data-testid="presenter-funding" aria-label={f.title} style={{ "--fund-rows": rows } as CSSProperties}>
      <p className="lead">{f.lead}</p>
      <table>
        <thead>
          <tr>
            <th scope="col" className="fund-name">
              {f.captions.minimum}
            </th>
            <th scope="col" className="fund-share">
              {f.captions.share}
            </th>
            <th scope="col" className="fund-selected">
              {f.captions.selected}
            </th>
            <th scope="col" className="fund-robust">
              {f.captions.robust}
            </th>
          </tr>
        </thead>
        <tbody>{minimum.map(row)}</tbody>
        {challengers.length > 0 && (
          <tbody data-testid="presenter-funding-challengers">
            <tr className="fund-section">
              <th scope="colgroup" colSpan={4}>
                {f.captions.challengers}
              </th>
            </tr>
            {challengers.map(row)}
          </tbody>
        )}
      </table>
    </section>
  );
}
