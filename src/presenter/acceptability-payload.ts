/**
 * The presenter's rank acceptability table from a Monte Carlo result, in the display language:
 * built by the lazy Stabilitet view when it has a result and published for the presenter button.
 */
import type { Assessment } from "../core/assess";
import type { UncertaintyOptions, UncertaintyResult } from "../core/uncertainty";
import { acceptabilityTable } from "../export/acceptability";
import { ac } from "../i18n/acceptability";
import { probabilitySpoken, type Lang } from "../i18n/format";
import { drawCount, drawSettings } from "../i18n/stability";
import { basisOf, type AcceptabilityShown } from "./acceptability-channel";

export function acceptabilityShown(result: UncertaintyResult, options: UncertaintyOptions, assessment: Assessment, lang: Lang): AcceptabilityShown {
  const table = acceptabilityTable(result, assessment, lang, 10);
  const top = result.top === null ? null : Math.min(result.top, result.ids.length);
  return {
    basis: basisOf(assessment),
    result,
    options,
    presenter: {
      title: ac(lang, "acc.title"),
      // The settings the result was drawn with, in words; the count of draws grouped as the locale groups it.
      lead: ac(lang, "acc.lead", { draws: drawCount(lang, result.draws), ...drawSettings(lang, result.weights, result.scores) }),
      views: { ranking: ac(lang, "acc.viewRanking"), acceptability: ac(lang, "acc.viewAcceptability") },
      captions: { rank: ac(lang, "acc.rank"), measure: ac(lang, "acc.measure"), ...(top !== null ? { top: ac(lang, "acc.top", { top }) } : {}) },
      places: table.places,
      rows: table.rows.map((r) => ({
        id: r.id,
        rank: r.rank,
        name: r.name,
        cells: r.cells.map((c, k) => ({ text: c.text, fill: c.fill, ink: c.ink, label: ac(lang, "acc.cell", { measure: r.name, place: table.places[k], percent: probabilitySpoken(lang, c.p) }) })),
        ...(r.top ? { top: { text: r.top.text, fill: r.top.fill, ink: r.top.ink, label: ac(lang, "acc.topCell", { measure: r.name, top: top ?? "", percent: probabilitySpoken(lang, r.top.p) }) } } : {}),
      })),
    },
  };
}
