/**
 * The presenter's rank acceptability table: each measure in rank order with the probability of
 * each place, heat-mapped, every percentage printed (colour is never the only signal).
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
