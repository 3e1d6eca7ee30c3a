/**
 * The presenter message built from an assessment: rows in rank order with full names, totals in
 * the locale (with the decimals that keep different totals apart: core/display-total.ts), bars,
 * movement, and the segment. The caption `since` always says what the arrows compare against: the
 * saved round, the weights in force (while weights are tried), or the previous ranking. Pure.
 */
import { rankLabel, type Assessment } from "../core/assess";
import { totalMax, totalMin } from "../core/model";
import { formatNumber, type Lang } from "../i18n";
import { pp } from "../i18n/presenter";
import { barShare } from "../ui/bar";
import { rankMoves } from "../ui/movement";
import { fullNameTexts } from "../core/full-name";
import type { PresenterMessage, PresenterRow } from "./protocol";
import type { Baseline, Move } from "../core/movement";
import { movesAgainst } from "../core/movement";
import { displayTotals } from "../core/display-total";

export function presenterMessage(
  a: Assessment,
  lang: Lang,
  previous: Map<string, number> | null,
  current: Map<string, number>,
  segments?: Map<string, string>,
  whatIf?: string,
  /** A saved round: movement against it instead of against `previous` (not while trying weights). */
  baseline?: Baseline | null,
): PresenterMessage {
  const min = totalMin(a.model);
  const max = totalMax(a.model);
  const againstRound = baseline && !whatIf ? baseline : null;
  const moves: Map<string, Move> = againstRound ? movesAgainst(againstRound, a.measures) : rankMoves(previous, current);
  const shown = displayTotals(
    a.measures.map((m) => m.total),
    { tolerance: a.model.tolerance },
  );
  const names = fullNameTexts(a.measures);
  const rows: PresenterRow[] = a.measures.map((m, i) => {
    const move = moves.get(m.id);
    const row: PresenterRow = {
      id: m.id,
      rank: rankLabel(m),
      name: names.get(m.id) ?? m.name,
      total: shown.values[i] === null ? "–" : formatNumber(lang, shown.values[i]!, shown.decimals),
      bar: m.total === null ? 0 : barShare(m.total, min, max),
    };
    if (m.total === null) row.note = pp(lang, "presenter.noTotal");
    if (move?.fresh) row.move = { by: 0, from: 0, fresh: true, text: pp(lang, "presenter.newHint", { round: baseline?.name ?? "" }) };
    else if (move) row.move = { by: move.by, from: move.from, text: pp(lang, move.by > 0 ? "presenter.up" : "presenter.down", { n: Math.abs(move.by), from: move.from }) };
    const seg = segments?.get(m.id);
    if (seg !== undefined) row.segment = seg;
    return row;
  });
  return {
    kind: "ranking",
    lang,
    title: pp(lang, "presenter.title"),
    whatIf,
    captions: {
      rank: pp(lang, "presenter.colRank"),
      measure: pp(lang, "presenter.colMeasure"),
      total: pp(lang, "presenter.colTotal"),
      segment: pp(lang, "presenter.colSegment"),
      move: pp(lang, "presenter.colMove"),
      since: againstRound
        ? pp(lang, "presenter.since", { round: againstRound.name })
        : whatIf
          ? pp(lang, "presenter.againstInForce")
          : pp(lang, "presenter.sincePrevious"),
      ...(againstRound ? { fresh: pp(lang, "presenter.new") } : {}),
    },
    rows,
  };
}
