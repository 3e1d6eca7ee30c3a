/**
 * The projector view: the ranking in large type, full names, score bars, ties as `6=`, the segment
 * when there is a checklist, and movement as arrows with their text (never colour alone), with a
 * line saying what the arrows compare against. The row font is fitted after layout so that the
 * rows of the page are on screen whatever the names (fit.ts: from 40 px down to 22 px at 1280×720,
 * names clamped only when nothing else fits); rows glide to their new places (FLIP).
 *
 * Nothing scrolls: a long ranking is shown 15 rows a page («1–15 av 40»), the several scorers'
 * disagreements and the rank acceptability table have pages of their own (pages.ts), the header
 * and the column captions stay, and the keys a presentation clicker sends turn the page.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { pp } from "../i18n/presenter";
import { AcceptabilityView } from "./AcceptabilityView";
import type { PresenterMessage } from "./protocol";
import { measure, play, type Positions } from "./flip";
import { fitRows, TOP_ROWS, type Fit } from "./fit";
import { acceptabilityPages, pageMove, rankingPages, turn } from "./pages";

export function Presenter({ message, waiting, notice }: { message: PresenterMessage | null; waiting: string; notice?: string }) {
  const root = useRef<HTMLElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const before = useRef<Positions>(new Map());
  const fitted = useRef<Fit | null>(null);
  /** The font of the last full page: a shorter last page keeps it instead of growing. */
  const fullPageFont = useRef<number | null>(null);
  const [view, setView] = useState<"ranking" | "acceptability">("ranking");
  const [wanted, setPage] = useState(0);
  const acc = message?.acceptability;
  const showAcc = acc !== undefined && view === "acceptability";
  const pages = !message ? [] : showAcc ? acceptabilityPages(acc.rows.length) : rankingPages(message.rows.length, message.scorers ? message.scorers.cells.length : null);
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
  const pageLabel =
    count <= 1 || !shown
      ? undefined
      : shown.kind === "scorers"
        ? pp(lang, "presenter.page", { page: page + 1, count })
        : [
            shown.to - shown.from === 1
              ? pp(lang, "presenter.pageRow", { at: shown.to, count: showAcc ? acc.rows.length : message.rows.length })
              : pp(lang, "presenter.pageRows", { from: shown.from + 1, to: shown.to, count: showAcc ? acc.rows.length : message.rows.length }),
            ...(count > rankingPageCount && !showAcc ? [pp(lang, "presenter.pageLower", { page: page + 1, count })] : []),
          ].join(" · ");
  const switchView = (v: "ranking" | "acceptability") => {
    setView(v);
    setPage(0);
  };
  return (
    <main ref={root} className={segments ? "presenter with-segment" : "presenter"} lang={lang} data-testid="presenter" data-page={page + 1} data-pages={count}>
      <header>
        <h1>{showAcc ? acc.title : shown?.kind === "scorers" && message.scorers ? message.scorers.title : message.title}</h1>
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
            <button type="button" disabled={page === 0} onClick={() => setPage(turn(page, count, "previous"))} aria-label={pp(lang, "presenter.previousPage")} data-testid="presenter-previous">
              ‹
            </button>
            <button type="button" disabled={page >= count - 1} onClick={() => setPage(turn(page, count, "next"))} aria-label={pp(lang, "presenter.nextPage")} data-testid="presenter-next">
              ›
            </button>
          </span>
        )}
        {acc && (
          <span className="views" role="group">
            {(["ranking", "acceptability"] as const).map((v) => (
              <button key={v} type="button" aria-pressed={view === v} onClick={() => switchView(v)} data-testid={`presenter-view-${v}`}>
                {acc.views[v]}
              </button>
            ))}
          </span>
        )}
      </header>
      {showAcc && shown && <AcceptabilityView a={{ ...acc, rows: acc.rows.slice(shown.from, shown.to) }} />}
      <div className="row head" aria-hidden="true" hidden={!showing}>
        <span className="rank">{message.captions.rank}</span>
        <span className="name">{message.captions.measure}</span>
        <span className="total">{message.captions.total}</span>
        {segments && <span className="segment">{message.captions.segment}</span>}
        <span className="move">{message.captions.move}</span>
      </div>
      <ol ref={list} data-testid="presenter-list" hidden={!showing} start={shown?.kind === "ranking" ? shown.from + 1 : undefined}>
        {rows.map((r) => (
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
