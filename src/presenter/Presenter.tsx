/**
 * The projector view: the ranking in large type, full names, score bars, ties as `6=`, the segment
 * when there is a checklist, and movement as arrows with their text (never colour alone), with a
 * line saying what the arrows compare against. The row font is fitted after layout so that the
 * rows of the page are on screen whatever the names (fit.ts: from 40 px down to 22 px at 1280×720,
 * names clamped only when nothing else fits); rows glide to their new places (FLIP).
 *
 * Nothing scrolls: a long ranking is shown 15 rows a page («1–15 av 40»), the several scorers'
 * disagreements and the rank acceptability table have pages of their own (pages.ts), the header
 * and the column captions stay, «Hvor sikker er minimumslisten» is a view of its own (FundingView), and the keys a presentation clicker sends turn the page.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { pp } from "../i18n/presenter";
import { AcceptabilityView } from "./AcceptabilityView";
import { FundingView } from "./FundingView";
import type { PresenterMessage } from "./protocol";
import { measure, play, type Positions } from "./flip";
import { fitRows, TOP_ROWS, type Fit } from "./fit";
import { acceptabilityPages, fundingPages, pageMove, rankingPages, turn } from "./pages";

type View = "ranking" | "acceptability" | "funding";

export function Presenter({ message, waiting, notice }: { message: PresenterMessage | null; waiting: string; notice?: string }) {
  const root = useRef<HTMLElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const before = useRef<Positions>(new Map());
  const fitted = useRef<Fit | null>(null);
  /** The font of the last full page: a shorter last page keeps it instead of growing. */
  const fullPageFont = useRef<number | null>(null);
  const [view, setView] = useState<View>("ranking");
  const [wanted, setPage] = useState(0);
  const acc = message?.acceptability;
  const showAcc = acc !== undefined && view === "acceptability";
  // «Hvor sikker er minimumslisten» (the Utvalg view's funding probabilities), a view of its own.
  const fund = message?.funding;
  const showFund = fund !== undefined && view === "funding";
  const pages = !message
    ? []
    : showAcc
      ? acceptabilityPages(acc.rows.length)
      : showFund
        ? fundingPages(fund.rows.length)
        : rankingPages(message.rows.length, message.scorers ? message.scorers.cells.length : null);
  const page = Math.min(wanted, Math.max(0, pages.length - 1));
  const shown = pages[page];
  const showing = message !== null && shown?.kind === "ranking";
  const rankingPageCount = pages.filter((p) => p.kind === "ranking").length;

  // Before paint: fit the rows to the window at the new content, then glide them from their old places.
  useLayoutEffect(() => {
    if (showing && root.current && list.current) {
      const full = list.current.children.length >= TOP_ROWS;
      fitted.current = fitRows(root.current, list.current, window, fitted.current, full || rankingPageCount === 1 ? null : fullPageFont.current);
      if (full && fitted.current) fullPageFont.current = fitted.current.font;
    }
    play(list.current, before.current);
    before.current = measure(list.current);
  }, [message, showing, page]);
  // A new window size fits again (no animation: nothing changed place in the ranking).
  useEffect(() => {
    if (!showing) return;
    const onResize = () => {
      fullPageFont.current = null;
      if (root.current && list.current) fitted.current = fitRows(root.current, list.current);
      before.current = measure(list.current);
    };
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, [showing]);
  // The clicker's keys (and the keyboard's) turn the page; a focused button keeps its own space and Enter.
  const count = pages.length;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const move = pageMove(e);
      if (!move) return;
      if (e.key === " " && (e.target as HTMLElement | null)?.closest?.("button")) return;
      e.preventDefault();
      setPage((p) => turn(p, count, move));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [count]);

  if (!message) return <p className="waiting">{notice ?? waiting}</p>;
  const lang = message.lang;
  const segments = message.rows.some((r) => r.segment !== undefined);
  const rows = shown?.kind === "ranking" ? message.rows.slice(shown.from, shown.to) : [];
  const itemCount = showAcc ? acc.rows.length : showFund ? fund.rows.length : message.rows.length;
  const pageLabel =
    count <= 1 || !shown
      ? undefined
      : shown.kind === "scorers"
        ? pp(lang, "presenter.page", { page: page + 1, count })
        : [
            shown.to - shown.from === 1
              ? pp(lang, "presenter.pageRow", { at: shown.to, count: itemCount })
              : pp(lang, "presenter.pageRows", { from: shown.from + 1, to: shown.to, count: itemCount }),
            ...(count > rankingPageCount && !showAcc && !showFund ? [pp(lang, "presenter.pageLower", { page: page + 1, count })] : []),
          ].join(" · ");
  const views: [View, string][] = [
    ["ranking", acc?.views.ranking ?? fund?.views.ranking ?? ""],
    ...(acc ? [["acceptability", acc.views.acceptability] as [View, string]] : []),
    ...(fund ? [["funding", fund.views.funding] as [View, string]] : []),
  ];
  const switchView = (v: View) => {
    setView(v);
    setPage(0);
  };
  return (
    <main ref={root} className={segments ? "presenter with-segment" : "presenter"} lang={lang} data-testid="presenter" data-page={page + 1} data-pages={count}>
      <header>
        <h1>{showAcc ? acc.title : showFund ? fund.title : shown?.kind === "scorers" && message.scorers ? message.scorers.title : message.title}</h1>
        {message.whatIf && (
          <p className="whatif" role="status" data-testid="presenter-whatif" title={message.whatIf}>
            {message.whatIf}
          </p>
        )}
        {notice && <p className="notice">{notice}</p>}
        {message.captions.since && showing && (
          <p className="since" data-testid="presenter-since" title={message.captions.since}>
            {message.captions.since}
          </p>
        )}
        {pageLabel && (
          <p className="page" data-testid="presenter-page" aria-live="polite">
            {pageLabel}
          </p>
        )}
        {count > 1 && (
          <span className="pager" role="group" aria-label={pp(lang, "presenter.pages")}>
            <button type="button" disabled={page === 0} onClick={() => setPage(turn(page, count, "previous"))} data-testid="presenter-previous">
              {/* The symbol is what shows, the words what is read: a name that is the button's own text (no aria-label to mismatch it). */}
              <span aria-hidden="true">‹</span>
              <span className="sr-only">{pp(lang, "presenter.previousPage")}</span>
            </button>
            <button type="button" disabled={page >= count - 1} onClick={() => setPage(turn(page, count, "next"))} data-testid="presenter-next">
              {/* The symbol is what shows, the words what is read: a name that is the button's own text (no aria-label to mismatch it). */}
              <span aria-hidden="true">›</span>
              <span className="sr-only">{pp(lang, "presenter.nextPage")}</span>
            </button>
          </span>
        )}
        {views.length > 1 && (
          <span className="views" role="group">
            {views.map(([v, label]) => (
              <button key={v} type="button" aria-pressed={view === v} onClick={() => switchView(v)} data-testid={`presenter-view-${v}`}>
                {label}
              </button>
            ))}
          </span>
        )}
      </header>
      {showAcc && shown && <AcceptabilityView a={{ ...acc, rows: acc.rows.slice(shown.from, shown.to) }} />}
      {showFund && shown && <FundingView f={{ ...fund, rows: fund.rows.slice(shown.from, shown.to) }} />}
      {/* An ARIA table (rows are grids of their own, FLIP moves them): each row is read with its column names. */}
      <div className="ranking" role="table" aria-label={message.title} hidden={!showing}>
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
          {rows.map((r) => (
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
      {message.scorers && shown?.kind === "scorers" && (
        <section className="scorers" data-testid="presenter-scorers" data-revealed={String(message.scorers.revealed)} aria-label={message.scorers.title}>
          <p>{message.scorers.agreement}</p>
          <ul>
            {message.scorers.cells.slice(shown.from, shown.to).map((c, i) => (
              <li key={shown.from + i} data-testid="presenter-disagreement">
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
