/**
 * *Hent vurderinger*: another workbook (a member's own copy, in the add-in's layout or the legacy
 * meeting layout) read as one scorer. Its measures are matched to this workbook's: by ID when the
 * copy is in the add-in's layout and the ID is known here, otherwise by name (theme and name for
 * the meeting layout, then the name alone when it is unique). Values are carried over as typed
 * (text stays text, so its finding follows it to the scorers table); a measure with no score at
 * all in the copy is not a row. Then `planScorerRows` works out which rows are new and which
 * would replace a row the scorer already has: a typed row is never overwritten unless asked.
 */
import type { MeasureInput } from "../core/aggregate";
import type { CellValue } from "../core/cell";
import { isCellError } from "../core/cell";
import { leaves, type Model } from "../core/model";
import { normalize } from "../core/text";
import type { Grid } from "./grid";
import { scorerKey, type ScorersTable } from "./scorers-table";
import { readWorkbook } from "./workbook";

export interface FetchedRow {
  /** The measure's ID in this workbook. */
  id: string;
  name: string;
  /** One value per leaf of this workbook's model, in model order. */
  values: CellValue[];
}

export type FetchedScores =
  | { ok: true; layout: "addin" | "legacy"; rows: FetchedRow[]; unmatched: string[] }
  | { ok: false; reason: "no-measures" };

/** The default scorer name: the file name without its extension and without a trailing copy mark. */
export function scorerNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.(xlsx|xlsm|xls)$/i, "").trim() || base;
}

export function scoresFromWorkbook(
  other: Grid[],
  here: readonly MeasureInput[],
  model: Model
): FetchedScores {
  const read = readWorkbook(other);
  if (read.kind === "none") return { ok: false, reason: "no-measures" };
  const leafIds = leaves(model).map((l) => l.id);
  const byId = new Map(here.map((m) => [m.id, m]));
  const key = (theme: string | undefined, name: string) =>
    `${normalize(theme ?? "")}\u0000${normalize(name)}`;
  const byThemeName = new Map<string, MeasureInput[]>();
  const byName = new Map<string, MeasureInput[]>();
  for (const m of here) {
    byThemeName.set(key(m.theme, m.name), [...(byThemeName.get(key(m.theme, m.name)) ?? []), m]);
    byName.set(normalize(m.name), [...(byName.get(normalize(m.name)) ?? []), m]);
  }
  const inputs: { input: MeasureInput; theme?: string }[] =
    read.kind === "addin"
      ? read.scoring.measures.map((input) => ({ input, theme: input.theme }))
      : read.legacy.measures.map((m) => ({ input: m.input, theme: m.sheet }));
  const rows: FetchedRow[] = [];
  const unmatched: string[] = [];
  const taken = new Set<string>();
  for (const { input, theme } of inputs) {
    const values = leafIds.map((id) => {
      const v = input.scores[id]?.value ?? null;
      return isCellError(v) ? v.error : v;
    });
    if (values.every((v) => v === null || (typeof v === "string" && v.trim() === ""))) continue;
    let match: MeasureInput | undefined = read.kind === "addin" ? byId.get(input.id) : undefined;
    if (!match) {
      const both = byThemeName.get(key(theme, input.name)) ?? [];
      const named = byName.get(normalize(input.name)) ?? [];
      match = both.length === 1 ? both[0] : named.length === 1 ? named[0] : undefined;
    }
    if (!match || taken.has(match.id)) {
      unmatched.push(input.name);
      continue;
    }
    taken.add(match.id);
    rows.push({ id: match.id, name: match.name, values });
  }
  return { ok: true, layout: read.kind, rows, unmatched };
}

export interface ScorerRowsPlan {
  /** Rows to append to the scorers table. */
  add: FetchedRow[];
  /** Rows the scorer already has: replaced only when asked (their sheet row, 0-based). */
  conflicts: (FetchedRow & { row: number })[];
}

export function planScorerRows(
  scorer: string,
  rows: readonly FetchedRow[],
  table: ScorersTable | undefined
): ScorerRowsPlan {
  const add: FetchedRow[] = [];
  const conflicts: (FetchedRow & { row: number })[] = [];
  for (const r of rows) {
    const at = table?.rowOf.get(scorerKey(scorer, r.id));
    if (at === undefined) add.push(r);
    else conflicts.push({ ...r, row: at });
  }
  return { add, conflicts };
}
