/**
 * The projector view: the ranking in large type, full names, score bars, ties as `6=`, the segment
 * when there is a checklist, and movement as arrows with their text (never colour alone). The row
 * font is fitted after layout so that the top 15 are on screen whatever the names (fit.ts: from
 * 40 px down to 22 px at 1280×720, names clamped only when nothing else fits); rows glide to their
 * new places (FLIP).
 */
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { AcceptabilityView } from "./AcceptabilityView";
import type { PresenterMessage } from "./protocol";
import { measure, play, type Positions } from "./flip";
import { fitRows, type Fit } from "./fit";

export function Presenter({ message, waiting, notice }: { message: PresenterMessage | null; waiting: string; notice?: string }) {
  const root = useRef<HTMLElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const before = useRef<Positions>(new Map());
  const fitted = useRef<Fit | null>(null);
  const [view, setView] = useState<"ranking" | "acceptability">("ranking");
  const showing = message !== null && !(message.acceptability !== undefined && view === "acceptability");
  // Before paint: fit the rows to the window at the new content, then glide them from their old places.
  useLayoutEffect(() => {
    if (showing && root.current && list.current) fitted.current = fitRows(root.current, list.current, window, fitted.current);
    play(list.current, before.current);
    before.current = measure(list.current);
  }, [message, showing]);
  // A new window size fits again (no animation: nothing changed place in the ranking).
  useEffect(() => {
    if (!showing) return;
    const onResize = () => {
      if (root.current && list.current) fitted.current = fitRows(root.current, list.current);
      before.current = measure(list.current);
    };
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, [showing]);
  if (!message) return <p className="waiting">{notice ?? waiting}</p>;
  const segments = message.rows.some((r) => r.segment !== undefined);
  const acc = message.acceptability;
  const showAcc = acc !== undefined && view === "acceptability";
  return (
    <main ref={root} className={segments ? "presenter with-segment" : "presenter"} lang={message.lang} data-testid="presenter">
      <header>
        <h1>{showAcc ? acc.title : message.title}</h1>
        {message.whatIf && (
          <p className="whatif" role="status" data-testid="presenter-whatif" title={message.whatIf}>
            {message.whatIf}
          </p>
        )}
        {notice && <p className="notice">{notice}</p>}
        {message.captions.since && (
          <p className="since" data-testid="presenter-since" title={message.captions.since}>
            {message.captions.since}
          </p>
        )}
        {acc && (
          <span className="views" role="group">
            {(["ranking", "acceptability"] as const).map((v) => (
              <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)} data-testid={`presenter-view-${v}`}>
                {acc.views[v]}
              </button>
            ))}
          </span>
        )}
      </header>
      {showAcc && <AcceptabilityView a={acc} />}
      {/* An ARIA table (rows are grids of their own, FLIP moves them): each row is read with its column names. */}
      <div className="ranking" role="table" aria-label={message.title} hidden={showAcc}>
        <div className="row head" role="row">
          <span className="rank" role="columnheader">
            {message.captions.rank}
          </span>
          <span className="name" role="columnheader">
            {message.captions.measure}
          </span>
          <span className="total" role="columnheader">
            {message.captions.total}
          </span>
          {segments && (
            <span className="segment" role="columnheader">
              {message.captions.segment}
            </span>
          )}
          <span className="move" role="columnheader">
            {message.captions.move}
          </span>
        </div>
        <div ref={list} className="rows" role="rowgroup" data-testid="presenter-list">
          {message.rows.map((r) => (
            <div key={r.id} className="row" role="row" data-flip-id={r.id} data-testid="presenter-row" data-rank={r.rank}>
              <span className="rank" role="cell">
                {r.rank}
              </span>
              <span className="name" role="rowheader">
                <span className="label" title={r.name}>
                  {r.name}
                </span>
                {r.note ? (
                  <span className="note">{r.note}</span>
                ) : (
                  <span className="bar" aria-hidden="true">
                    <span style={{ width: `${(r.bar * 100).toFixed(1)}%` }} />
                  </span>
                )}
              </span>
              <span className="total" role="cell">
                {r.total}
              </span>
              {segments && (
                <span className="segment" role="cell">
                  {r.segment ?? ""}
                </span>
              )}
              {/* The arrow is an image with its words («opp 1 fra 6»); colour is never the only signal. */}
              <span className="move-cell" role="cell">
                {r.move && (
                  <span className={r.move.fresh ? "move new" : r.move.by > 0 ? "move up" : "move down"} role="img" aria-label={r.move.text} title={r.move.text}>
                    {r.move.fresh ? (message.captions.fresh ?? "") : `${r.move.by > 0 ? "↑" : "↓"}${Math.abs(r.move.by)}`}
                  </span>
                )}
              </span>
            </div>
          ))}
        </div>
      </div>
      {message.scorers && (
        <section className="scorers" data-testid="presenter-scorers" data-revealed={String(message.scorers.revealed)}>
          <h2>{message.scorers.title}</h2>
          <p>{message.scorers.agreement}</p>
          <ul>
            {message.scorers.cells.map((c, i) => (
              <li key={i} data-testid="presenter-disagreement">
                {c.measure} · {c.criterion}: <span className="summary">{c.summary}</span>
                {message.scorers!.revealed && <span className="values">{c.values.map((v) => `${v.scorer} ${v.value}`).join(" · ")}</span>}
              </li>
            ))}
          </ul>
          {!message.scorers.revealed && <p data-testid="presenter-scores-hidden">{message.scorers.hiddenNote}</p>}
        </section>
      )}
    </main>
  );
}
