/**
 * The rounds in the workbook: save the state as a round, delete one (logged), choose the baseline,
 * import another workbook as a round, and read them all. Each is a fixed number of syncs whatever
 * the number of measures or rounds: what exists; read what is needed; write. Loaded on first use
 * (the controller imports it dynamically), with its strings (src/i18n/rounds.ts).
 */
import type { Assessment } from "../core/assess";
import { columnLetters } from "../core/address";
import { MAX_ROUND_NAME, roundFromAssessment, type Round } from "../core/rounds";
import type { Lang } from "../i18n";
import { roundDate, rp } from "../i18n/rounds";
import type { Grid } from "../grid/grid";
import { SHEETS } from "../grid/layout";
import {
  freeColumn,
  metaCells,
  metaOf,
  nextRoundId,
  readRounds,
  roundCells,
  ROUNDS_SHEET,
  withBaseline,
  type RoundsMeta,
  type RoundsRead,
} from "../grid/rounds-store";
import { STORE_SHEET } from "../grid/store";
import { readStoreSlots, readWorkbook } from "../grid/workbook";
import { officeRows } from "./cells";
import { gridOf, queueSheetRead } from "./grids";
import { queueLog } from "./legacy";
import { clashes, clashMessage, listOwned, storeClash, workbookLang, type SheetList } from "./own-sheets";
import { attachTableBounds, queueTableBounds } from "./table-bounds";
import { syncEventsOff } from "./events-off";

export type RoundsOutcome<T> = { ok: true; value: T } | { ok: false; message: string };

interface Opened {
  list: SheetList;
  grids: Grid[];
  rounds: RoundsRead;
  roundsExists: boolean;
}

/**
 * Sync 1: what exists (refusing a person's sheet with one of the add-in's names, or a visible
 * PrioRunder); sync 2: PrioRunder and, when asked, the sheets a round is made of.
 */
async function open(context: Excel.RequestContext, lang: Lang, withSheets: boolean): Promise<RoundsOutcome<Opened>> {
  const list = await listOwned(context);
  const clash = clashes(list);
  if (clash.length) return { ok: false, message: clashMessage(lang, clash) };
  const has = (name: string) => list.sheets.find((s) => s.toLowerCase() === name.toLowerCase());
  const roundsName = has(ROUNDS_SHEET);
  // Hidden (not very hidden) is how LibreOffice saves it: the add-in's only when its register reads as the add-in's (checked below).
  const roundsVisibility = roundsName ? list.visibility.get(roundsName) : undefined;
  if (roundsName && roundsVisibility !== "VeryHidden" && roundsVisibility !== "Hidden") return { ok: false, message: rp(lang, "rounds.clash", { sheet: roundsName }) };
  const names = withSheets ? [SHEETS.scoring, SHEETS.model, SHEETS.checklist, STORE_SHEET].map(has).filter((n): n is string => n !== undefined) : [STORE_SHEET].map(has).filter((n): n is string => n !== undefined);
  const reads = names.map((n) => queueSheetRead(context, n));
  const roundsRead = roundsName ? queueSheetRead(context, roundsName) : undefined;
  const bounds = withSheets ? queueTableBounds(context, list.tables) : undefined;
  await context.sync();
  const grids = bounds ? attachTableBounds(reads.map(gridOf), bounds) : reads.map(gridOf);
  const person = storeClash(list, grids);
  if (person.length) return { ok: false, message: clashMessage(lang, person) };
  const rounds = readRounds(roundsRead ? gridOf(roundsRead) : undefined);
  if (roundsName && roundsVisibility === "Hidden" && rounds.meta.kind !== "ok" && rounds.meta.kind !== "newer") return { ok: false, message: rp(lang, "rounds.clashHidden", { sheet: roundsName }) };
  if (rounds.meta.kind === "newer") return { ok: false, message: rp(lang, "rounds.newer", { format: rounds.meta.format }) };
  const stored = readStoreSlots(grids).read;
  if (stored.kind === "newer") return { ok: false, message: rp(lang, "rounds.newer", { format: stored.format }) };
  return { ok: true, value: { list, grids, rounds, roundsExists: roundsName !== undefined } };
}

/** Queues the writes of a new register (and a round's column first, so a register never names a column not yet written). */
function queueWrites(context: Excel.RequestContext, o: Opened, meta: RoundsMeta, round?: { round: Round; col: number }, clear?: number): void {
  context.runtime.enableEvents = false;
  const sheet = o.roundsExists ? context.workbook.worksheets.getItem(ROUNDS_SHEET) : context.workbook.worksheets.add(ROUNDS_SHEET);
  if (round) {
    const letter = columnLetters(round.col);
    if (o.rounds.filled.has(round.col)) sheet.getRange(`${letter}:${letter}`).clear("Contents");
    const cells = roundCells(round.round);
    sheet.getRangeByIndexes(0, round.col, cells.length, 1).values = officeRows(cells);
  }
  const target = o.rounds.meta.kind === "absent" ? { col: 0, generation: 1 } : o.rounds.target;
  const letter = columnLetters(target.col);
  if (o.roundsExists) sheet.getRange(`${letter}:${letter}`).clear("Contents");
  const cells = metaCells(meta, target.generation);
  sheet.getRangeByIndexes(0, target.col, cells.length, 1).values = officeRows(cells);
  if (clear !== undefined) {
    const l = columnLetters(clear);
    sheet.getRange(`${l}:${l}`).clear("Contents");
  }
  sheet.visibility = "VeryHidden";
  context.runtime.enableEvents = true;
}

function byId(read: RoundsRead, extra?: Round): Map<string, Round> {
  const out = new Map(read.rounds.map((r) => [r.round.id, r.round]));
  if (extra) out.set(extra.id, extra);
  return out;
}

/** Checks a typed round name: kept exactly as typed, but not blank and not absurdly long. */
export function checkRoundName(lang: Lang, name: string): string | undefined {
  if (name.trim() === "") return rp(lang, "rounds.nameEmpty");
  if (name.length > MAX_ROUND_NAME) return rp(lang, "rounds.nameTooLong", { n: name.length, max: MAX_ROUND_NAME });
  return undefined;
}

/** Adds a round to the register (the baseline follows unless one is pinned) and writes both. Sync 3. */
async function addRound(context: Excel.RequestContext, o: Opened, make: (id: string) => Round): Promise<Round> {
  const meta = metaOf(o.rounds);
  const { id, next } = nextRoundId(meta);
  const round = make(id);
  const col = freeColumn(o.rounds, meta);
  const grown: RoundsMeta = { ...meta, next, rounds: [...meta.rounds, { id, name: round.name, savedAt: round.savedAt, col }] };
  queueWrites(context, o, withBaseline(grown, byId(o.rounds, round)), { round, col });
  await syncEventsOff(context);
  return round;
}

/** Saves the workbook's state now (scores as typed, model and weights, ranks, totals) as a round. Three syncs. */
export async function saveRound(context: Excel.RequestContext, name: string, lang: Lang, at: Date): Promise<RoundsOutcome<Round>> {
  const bad = checkRoundName(lang, name);
  if (bad) return { ok: false, message: bad };
  const opened = await open(context, lang, true);
  if (!opened.ok) return opened;
  const read = readWorkbook(opened.value.grids);
  if (read.kind !== "addin") return { ok: false, message: rp(lang, "rounds.noScoring") };
  const round = await addRound(context, opened.value, (id) => roundFromAssessment(read.assessment, { id, name, savedAt: at.toISOString(), source: "workbook" }));
  return { ok: true, value: round };
}

/** Another workbook's ranking (read from its file into grids: the add-in's layout or the meeting layout) as a round. Three syncs. */
export async function importRound(
  context: Excel.RequestContext,
  file: { name: string; grids: Grid[] },
  name: string,
  lang: Lang,
  at: Date,
): Promise<RoundsOutcome<Round>> {
  const bad = checkRoundName(lang, name);
  if (bad) return { ok: false, message: bad };
  const read = readWorkbook(file.grids);
  const assessment: Assessment | undefined = read.kind === "none" ? undefined : read.assessment;
  if (!assessment || assessment.measures.length === 0) return { ok: false, message: rp(lang, "rounds.importEmpty", { file: file.name }) };
  const opened = await open(context, lang, false);
  if (!opened.ok) return opened;
  const round = await addRound(context, opened.value, (id) =>
    roundFromAssessment(assessment, { id, name, savedAt: at.toISOString(), source: "file", file: file.name }),
  );
  return { ok: true, value: round };
}

/** Deletes a round (the person confirmed): its column is cleared and the deletion goes to Logg. Three syncs. */
export async function deleteRound(context: Excel.RequestContext, roundId: string, lang: Lang, at: Date): Promise<RoundsOutcome<string>> {
  const opened = await open(context, lang, false);
  if (!opened.ok) return opened;
  const o = opened.value;
  const meta = metaOf(o.rounds);
  const entry = meta.rounds.find((r) => r.id === roundId);
  if (!entry) return { ok: false, message: rp(lang, "rounds.unknown") };
  const round = o.rounds.rounds.find((r) => r.round.id === roundId)?.round;
  const kept: RoundsMeta = { ...meta, rounds: meta.rounds.filter((r) => r.id !== roundId) };
  queueWrites(context, o, withBaseline(kept, byId(o.rounds)), undefined, entry.col);
  const wl = workbookLang(readStoreSlots(o.grids).read);
  queueLog(context, o.list, [
    [
      at,
      rp(wl, "rounds.log.deleted"),
      `${ROUNDS_SHEET}!${columnLetters(entry.col)}1`,
      rp(wl, "rounds.log.before", { name: entry.name, date: roundDate(wl, entry.savedAt), n: round?.measures.length ?? "?" }),
      "",
      "",
    ],
  ]);
  await syncEventsOff(context);
  return { ok: true, value: entry.name };
}

/** Chooses the baseline for movement: a round, or null for the last round (the default). Three syncs. */
export async function chooseBaseline(context: Excel.RequestContext, roundId: string | null, lang: Lang): Promise<RoundsOutcome<string | null>> {
  const opened = await open(context, lang, false);
  if (!opened.ok) return opened;
  const o = opened.value;
  const meta = metaOf(o.rounds);
  const round = roundId === null ? undefined : o.rounds.rounds.find((r) => r.round.id === roundId)?.round;
  if (roundId !== null && !round) return { ok: false, message: rp(lang, "rounds.unknown") };
  queueWrites(context, o, withBaseline({ ...meta, pinned: roundId }, byId(o.rounds)));
  await syncEventsOff(context);
  return { ok: true, value: round?.name ?? null };
}

/** Every round, checked one by one (two syncs). */
export async function loadRounds(context: Excel.RequestContext, lang: Lang): Promise<RoundsOutcome<RoundsRead>> {
  const opened = await open(context, lang, false);
  if (!opened.ok) return opened;
  return { ok: true, value: opened.value.rounds };
}
