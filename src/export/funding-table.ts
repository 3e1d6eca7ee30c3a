/**
 * «Hvor sikker er minimumslisten» as a table for the slide and the presenter page: the measures on
 * the minimum list now (the selection with the weights now), most certain first, each with the share
 * of the draws in which it is on the minimum list, the share in which it is selected at all, and its
 * label (kjerne / grense / utenfor); then the measures not on it now that come onto it most often
 * (at most three). The lead says how the draws were made and the frames. Pure values, in one
 * language; src/export/deck.ts and src/presenter/funding-payload.ts render them.
 */
import { sharesOf, type FundingResult, type Robust } from "../core/funding";
import type { ListName } from "../core/select";
import type { Lang } from "../i18n/format";
import { formatShort } from "../i18n/format";
import { fu, robustLabel, sharePercent, thresholdPercent } from "../i18n/funding";
import { drawCount, drawSettings } from "../i18n/stability";

/** What the slide and the presenter need besides the result: the lists now and the frames they were solved in. */
export interface FundingBasis {
  result: FundingResult;
  /** Each measure's list with the weights now (measures absent are out). */
  lists: ReadonlyMap<string, ListName> | Record<string, ListName>;
  /** Hundredths of a MNOK. */
  budget: number;
  minimum: number | null;
}

export interface FundingTableRow {
  id: string;
  name: string;
  now: ListName;
  pMinimum: number;
  pSelected: number;
  robust: Robust;
  minimumText: string;
  selectedText: string;
  robustText: string;
}

export interface FundingTable {
  lang: Lang;
  title: string;
  /** The draws, the settings, the thresholds and the frames in one sentence. */
  lead: string;
  /** «612 av 1 000 trekk løst eksakt og talt med», when not all were. */
  notDone: string | null;
  captions: { measure: string; minimum: string; selected: string; robust: string };
  /** On the minimum list now, most certain first. */
  minimum: FundingTableRow[];
  /** Not on it now, most often on it, at most three (none that never are). */
  challengers: FundingTableRow[];
  done: number;
}

/** How many measures not on the minimum list now the table names. */
export const CHALLENGERS = 3;

const listOf = (lists: FundingBasis["lists"], id: string): ListName =>
  (lists instanceof Map ? lists.get(id) : (lists as Record<string, ListName>)[id]) ?? "out";

export function fundingTable(b: FundingBasis, lang: Lang): FundingTable {
  const r = b.result;
  const mnok = (h: number) => formatShort(lang, h / 100, 2);
  const frames =
    b.minimum === null ? fu(lang, "deck.framesNoMinimum", { budget: mnok(b.budget) }) : fu(lang, "deck.frames", { budget: mnok(b.budget), minimum: mnok(b.minimum) });
  const rows: FundingTableRow[] = r.done
    ? r.ids.map((id, i) => {
        const s = sharesOf(r, i);
        return {
          id,
          name: r.names[i],
          now: listOf(b.lists, id),
          pMinimum: s.pMinimum!,
          pSelected: s.pSelected!,
          robust: s.robust!,
          minimumText: sharePercent(lang, s.pMinimum!),
          selectedText: sharePercent(lang, s.pSelected!),
          robustText: robustLabel(lang, s.robust),
        };
      })
    : [];
  const order = (a: FundingTableRow, c: FundingTableRow) => c.pMinimum - a.pMinimum || c.pSelected - a.pSelected || rows.indexOf(a) - rows.indexOf(c);
  return {
    lang,
    title: fu(lang, "deck.title"),
    lead: fu(lang, "deck.note", {
      draws: drawCount(lang, r.requested),
      seed: r.seed,
      ...drawSettings(lang, r.weights, r.scores),
      core: thresholdPercent(lang, r.core),
      exterior: thresholdPercent(lang, r.exterior),
      frames,
    }),
    notDone: r.done === r.requested ? null : fu(lang, "deck.notDone", { done: drawCount(lang, r.done), draws: drawCount(lang, r.requested) }),
    captions: { measure: fu(lang, "col.name"), minimum: fu(lang, "deck.colMinimum"), selected: fu(lang, "deck.colSelected"), robust: fu(lang, "col.robust") },
    minimum: rows.filter((x) => x.now === "minimum").sort(order),
    challengers: rows
      .filter((x) => x.now !== "minimum" && x.pMinimum > 0)
      .sort(order)
      .slice(0, CHALLENGERS),
    done: r.done,
  };
}
