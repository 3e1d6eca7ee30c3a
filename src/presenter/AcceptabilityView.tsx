/**
 * The presenter's rank acceptability table: each measure in rank order with the probability of
 * each place, heat-mapped, every percentage printed (colour is never the only signal), and the
 * probability of a place within the top N (as in the pane) after the name.
 */
import type { PresenterAcceptability } from "./protocol";

export function AcceptabilityView({ a }: { a: PresenterAcceptability }) {
  return (
    <section className="acceptability" data-testid="presenter-acceptability" aria-label={a.title}>
      <p className="lead">{a.lead}</p>
      <table>
        <thead>
          <tr>
            <th scope="col" className="acc-rank">
              {a.captions.rank}
            </th>
            <th scope="col" className="acc-name">
              {a.captions.measure}
            </th>
            {a.captions.top && (
              <th scope="col" className="acc-top">
                {a.captions.top}
              </th>
            )}
            {a.places.map((p) => (
              <th scope="col" key={p} className="acc-place">
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {a.rows.map((r) => (
            <tr key={r.id} data-testid="presenter-acceptability-row" data-measure-id={r.id}>
              <td className="acc-rank">{r.rank}</td>
              <th scope="row" className="acc-name">
                {r.name}
              </th>
              {a.captions.top && (
                <td className="acc-top" data-testid="presenter-acceptability-top" style={{ background: r.top?.fill ? `#${r.top.fill}` : undefined, color: r.top ? `#${r.top.ink}` : undefined }} aria-label={r.top?.label}>
                  {r.top?.text ?? ""}
                </td>
              )}
              {r.cells.map((c, k) => (
                <td key={k} className="acc-place" style={{ background: c.fill ? `#${c.fill}` : undefined, color: `#${c.ink}` }} aria-label={c.label}>
                  {c.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
