/**
 * The presenter message built from an assessment: rows in rank order with full names, totals in
 * the locale, bars, movement against the previous ranks, and the segment. Pure.
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
  const moves: Map<string, Move> = baseline && !whatIf ? movesAgainst(baseline, a.measures) : rankMoves(previous, current);
  const names = fullNameTexts(a.measures);
  const rows: PresenterRow[] = a.measures.map((m) => {
    const move = moves.get(m.id);
    const row: PresenterRow = {
      id: m.id,
      rank: rankLabel(m),
      name: names.get(m.id) ?? m.name,
      total: m.total === null ? "–" : formatNumber(lang, m.total, 1),
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
      ...(baseline && !whatIf ? { since: pp(lang, "presenter.since", { round: baseline.name }), fresh: pp(lang, "presenter.new") } : {}),
    },
    rows,
  };
}
