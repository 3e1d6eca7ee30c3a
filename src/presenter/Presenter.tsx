/**
 * The projector view: the ranking in large type, full names, score bars, ties as `6=`, the segment
 * when there is a checklist, and movement as arrows with their text (never colour alone). The row
 * font is fitted after layout so that the top 15 are on screen whatever the names (fit.ts: from
 * 40 px down to 22 px at 1280×720, names clamped only when nothing else fits); rows glide to their
 * new places (FLIP).
 */
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { AcceptabilityView } from "./AcceptabilityView";
import { FundingView } from "./FundingView";
import type { PresenterMessage } from "./protocol";
import { measure, play, type Positions } from "./flip";
import { fitRows, type Fit } from "./fit";

export function Presenter({ message, waiting, notice }: { message: PresenterMessage | null; waiting: string; notice?: string }) {
  const root = useRef<HTMLElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const before = useRef<Positions>(new Map());
  const fitted = useRef<Fit | null>(null);
  const [view, setView] = useState<"ranking" | "acceptability" | "funding">("ranking");
  const showing = message !== null && !(message.acceptability !== undefined && view === "acceptability") && !(message.funding !== undefined && view === "funding");
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
  // «Hvor sikker er minimumslisten» (the Utvalg view's funding probabilities), a page of its own.
  const fund = message.funding;
  const showFund = fund !== undefined && view === "funding";
  const pages: ["ranking" | "acceptability" | "funding", string][] = [
    ["ranking", acc?.views.ranking ?? fund?.views.ranking ?? ""],
    ...(acc ? [["acceptability", acc.views.acceptability] as ["acceptability", string]] : []),
    ...(fund ? [["funding", fund.views.funding] as ["funding", string]] : []),
  ];
  return (
    <main ref={root} className={segments ? "presenter with-segment" : "presenter"} lang={message.lang} data-testid="presenter">
      <header>
        <h1>{showAcc ? acc.title : showFund ? fund.title : message.title}</h1>
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
        {pages.length > 1 && (
          <span className="views" role="group">
            {pages.map(([v, label]) => (
              <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)} data-testid={`presenter-view-${v}`}>
                {label}
              </button>
            ))}
          </span>
        )}
      </header>
      {showAcc && <AcceptabilityView a={acc} />}
      {showFund && <FundingView f={fund} />}
      <div className="row head" aria-hidden="true" hidden={showAcc || showFund}>
        <span className="rank">{message.captions.rank}</span>
        <span className="name">{message.captions.measure}</span>
        <span className="total">{message.captions.total}</span>
        {segments && <span className="segment">{message.captions.segment}</span>}
        <span className="move">{message.captions.move}</span>
      </div>
      <ol ref={list} data-testid="presenter-list" hidden={showAcc || showFund}>
        {message.rows.map((r) => (
          <li key={r.id} className="row" data-flip-id={r.id} data-testid="presenter-row" data-rank={r.rank}>
            <span className="rank">{r.rank}</span>
            <span className="name">
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
            <span className="total">{r.total}</span>
            {segments && <span className="segment">{r.segment ?? ""}</span>}
            <span className={r.move ? (r.move.fresh ? "move new" : r.move.by > 0 ? "move up" : "move down") : "move"} aria-label={r.move?.text} title={r.move?.text}>
              {r.move ? (r.move.fresh ? (message.captions.fresh ?? "") : `${r.move.by > 0 ? "↑" : "↓"}${Math.abs(r.move.by)}`) : ""}
            </span>
          </li>
        ))}
      </ol>
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
