/**
 * The presenter message built from an assessment: rows in rank order with full names, totals in
 * the locale, bars, movement against the previous ranks, and the segment. Pure.
 */
import { rankLabel, type Assessment } from "../core/assess";
import { totalMax, totalMin } from "../core/model";
import { formatNumber, type Lang } from "../i18n";
import { pp } from "../i18n/presenter";
import { barShare, nameParts, rankMoves } from "../taskpane/view-model";
import type { PresenterMessage, PresenterRow } from "./protocol";

export function presenterMessage(
  a: Assessment,
  lang: Lang,
  previous: Map<string, number> | null,
  current: Map<string, number>,
  segments?: Map<string, string>,
  whatIf?: string,
): PresenterMessage {
  const min = totalMin(a.model);
  const max = totalMax(a.model);
  const moves = rankMoves(previous, current);
  const rows: PresenterRow[] = a.measures.map((m) => {
    const { name, theme } = nameParts(m);
    const move = moves.get(m.id);
    const row: PresenterRow = {
      id: m.id,
      rank: rankLabel(m),
      name: theme ? `${theme}: ${name}` : name,
      total: m.total === null ? "–" : formatNumber(lang, m.total, 1),
      bar: m.total === null ? 0 : barShare(m.total, min, max),
    };
    if (m.total === null) row.note = pp(lang, "presenter.noTotal");
    if (move) row.move = { ...move, text: pp(lang, move.by > 0 ? "presenter.up" : "presenter.down", { n: Math.abs(move.by), from: move.from }) };
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
    },
    rows,
  };
}
