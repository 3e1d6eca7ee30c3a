/**
 * The recompute's reads of whole sheets, within Excel on the web's 5 MB response limit
 * (./payload.ts). Normally they complete with the recompute's second sync. When the payload
 * would not fit (known from the last recompute, or from Excel's refusal), that sync reads where
 * the sheets and their key columns are (the layout), and then the sheets in bands of rows, one
 * sync a band, as many bands as the payload needs: ⌈bytes / READ_BUDGET⌉. In bands only what is
 * used is read: values (and value types on the input sheets), formulas and number formats only of
 * the columns the add-in copies text into or writes ids into, and one store slot unless the other
 * must be checked. What was read is measured, and the next recompute plans with it (ReadHints).
 */
import type { CellValue } from "../core/cell";
import { gridFromValues, type Grid } from "../grid/grid";
import { readSlot } from "../grid/store";
import { officeValue } from "./grids";
import { isPayloadLimit, jsonSize, READ_BUDGET } from "./payload";

/** A sheet the recompute reads whole. */
export interface SheetSpec {
  /** Its name as the workbook spells it. */
  name: string;
  /** Value types too (a sheet of a person's input, where an error value must be told from text). */
  types: boolean;
  /** The table whose key columns (by header) need formulas and number formats (text copied into them, ids). */
  detail?: { table: string; headers: readonly string[] };
  /** The store: two slots in columns A and B. */
  store?: boolean;
}

/** What the last recompute learned about the size of its reads. */
export interface ReadHints {
  /** Bands to read in (undefined: one sync). */
  bands?: number;
  /** Bytes the last reads took (as Excel sends them). */
  bytes?: number;
  /** The store's slot in force (0 or 1): read it and only the header of the other. */
  slot?: number;
}

export interface SheetReads {
  grids: Grid[];
  /** Syncs the reads took besides the recompute's second. */
  extraSyncs: number;
  /** The plan for the next recompute. */
  hints: ReadHints;
}

type Rows = unknown[][];
interface Loaded {
  range: Excel.Range;
  values: boolean;
  types: boolean;
  formulas: boolean;
  formats: boolean;
}

const MAX_BANDS = 64;

/** The sheets, read in the second sync (`plan.queue` before it, `plan.finish` after). */
export function planSheetReads(context: Excel.RequestContext, specs: SheetSpec[], hints: ReadHints, tables: readonly string[]) {
  return hints.bands ? bandedReads(context, specs, hints.bands, tables) : wholeReads(context, specs, hints.slot);
}

function load(range: Excel.Range, what: Omit<Loaded, "range">): Loaded {
  const props = ["rowIndex", "columnIndex"];
  if (what.values) props.push("values");
  if (what.types) props.push("valueTypes");
  if (what.formulas) props.push("formulas");
  if (what.formats) props.push("numberFormat");
  range.load(props);
  return { range, ...what };
}

/** A loaded range into the grid (cells, formulas, Text-formatted cells), and its size as JSON. */
function into(grid: Grid, l: Loaded, text: Set<string>): number {
  if (l.range.isNullObject) return 0;
  const origin = { row: l.range.rowIndex, col: l.range.columnIndex };
  let bytes = 0;
  if (l.values) {
    const values = l.range.values as Rows;
    const types = l.types ? (l.range.valueTypes as Rows) : undefined;
    const cells: CellValue[][] = values.map((row, i) => row.map((v, j) => officeValue(v, types?.[i]?.[j] as string | undefined)));
    const part = gridFromValues(grid.name, cells, l.formulas ? (l.range.formulas as (string | number | boolean | null)[][]) : undefined, origin);
    part.rows.forEach((row, r) => {
      if (!row) return;
      const target = (grid.rows[r] ??= []);
      row.forEach((c, k) => {
        if (c) target[k] = c;
      });
    });
    bytes += jsonSize(values) + (types ? jsonSize(types) : 0);
  } else if (l.formulas) {
    // Formulas of a key column over cells read with the band's values.
    (l.range.formulas as Rows).forEach((row, i) =>
      row.forEach((f, j) => {
        const cell = grid.rows[origin.row + i]?.[origin.col + j];
        if (cell && typeof f === "string" && f.startsWith("=") && f !== cell.value) cell.formula = f.slice(1);
      }),
    );
  }
  if (l.formulas) bytes += jsonSize(l.range.formulas);
  if (l.formats) {
    const formats = l.range.numberFormat as Rows;
    formats.forEach((row, i) => row.forEach((f, j) => f === "@" && text.add(`${origin.row + i},${origin.col + j}`)));
    bytes += jsonSize(formats);
  }
  return bytes;
}

/** Which of the two slots hold what the store needs: the chosen one, and the other unless its header shows it older. */
function otherSlotNeeded(chosen: readonly CellValue[], otherHeader: CellValue): boolean {
  if (otherHeader === null || otherHeader === "") return false;
  const mine = readSlot(chosen);
  const theirs = typeof otherHeader === "string" ? /^prio-store\|1\|(\d+)\|/.exec(otherHeader) : null;
  if (mine.kind !== "valid" || !theirs) return true;
  return Number(theirs[1]) >= mine.generation;
}

function columnOf(grid: Grid, col: number): CellValue[] {
  return grid.rows.map((r) => r?.[col]?.value ?? null);
}

/** Everything in the second sync: used ranges, formulas and number formats where `detail`, the store's slot. */
function wholeReads(context: Excel.RequestContext, specs: SheetSpec[], slot: number | undefined) {
  const queued = specs.map((spec) => {
    const sheet = context.workbook.worksheets.getItem(spec.name);
    if (spec.store && slot !== undefined) {
      const column = sheet.getRangeByIndexes(0, slot, 1, 1).getEntireColumn().getUsedRangeOrNullObject(true);
      return { spec, reads: [load(column, { values: true, types: false, formulas: false, formats: false })], other: load(sheet.getRangeByIndexes(0, 1 - slot, 1, 1), { values: true, types: false, formulas: false, formats: false }) };
    }
    const used = sheet.getUsedRangeOrNullObject(true);
    return { spec, reads: [load(used, { values: true, types: spec.types, formulas: !!spec.detail, formats: !!spec.detail })], other: undefined };
  });
  return {
    async finish(): Promise<SheetReads> {
      let bytes = 0;
      let extraSyncs = 0;
      let nextSlot = slot;
      const grids: Grid[] = [];
      for (const q of queued) {
        const grid: Grid = { name: q.spec.name, rows: [] };
        const text = new Set<string>();
        for (const l of q.reads) bytes += into(grid, l, text);
        if (q.other && otherSlotNeeded(columnOf(grid, slot!), (q.other.range.values as Rows)[0][0] as CellValue)) {
          // Another writer moved the store on (or a slot is broken): its other slot is read too.
          const sheet = context.workbook.worksheets.getItem(q.spec.name);
          const other = load(sheet.getRangeByIndexes(0, 1 - slot!, 1, 1).getEntireColumn().getUsedRangeOrNullObject(true), { values: true, types: false, formulas: false, formats: false });
          // Only the store has a second slot: one sync at most.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
          extraSyncs++;
          bytes += into(grid, other, text);
        }
        if (q.spec.store) nextSlot = storeSlotInForce(grid);
        if (text.size) grid.textFormatted = text;
        grids.push(grid);
      }
      return { grids, extraSyncs, hints: nextHints(bytes, bytes, nextSlot) };
    },
  };
}

/** The slot holding the store in force as read (the valid one of the highest generation), if any. */
function storeSlotInForce(grid: Grid): number | undefined {
  const slots = [readSlot(columnOf(grid, 0)), readSlot(columnOf(grid, 1))];
  let best: number | undefined;
  slots.forEach((s, i) => {
    const b = best === undefined ? undefined : slots[best];
    if (s.kind === "valid" && (b === undefined || (b.kind === "valid" && s.generation > b.generation))) best = i;
  });
  return best;
}

/**
 * The plan for the next recompute from this one's bytes: `bytes` as read, `whole` what one sync of
 * everything (formulas and number formats of whole sheets, both store slots) would have read.
 */
function nextHints(bytes: number, whole: number, slot: number | undefined): ReadHints {
  const hints: ReadHints = slot === undefined ? { bytes } : { bytes, slot };
  if (whole > READ_BUDGET) hints.bands = bandsFor(bytes);
  return hints;
}

/** Bands for reads of this many bytes. */
export function bandsFor(bytes: number): number {
  return Math.min(MAX_BANDS, Math.max(1, Math.ceil(bytes / READ_BUDGET)));
}

/**
 * The plan after this recompute wrote `written` bytes: its store slot in force, and bands for the
 * sheets as they are now, at most what was read and written together (a first recompute fills Rangering).
 */
export function afterWrite(hints: ReadHints, written: number, storeSlot: number | undefined): ReadHints {
  const out: ReadHints = { ...hints };
  if (storeSlot !== undefined) out.slot = storeSlot;
  const grown = (hints.bytes ?? 0) + written;
  if (hints.bands !== undefined || grown > READ_BUDGET) out.bands = Math.max(hints.bands ?? 1, bandsFor(grown));
  return out;
}

/** The layout in the second sync; then the bands, one sync each (more when Excel refuses one). */
function bandedReads(context: Excel.RequestContext, specs: SheetSpec[], bands: number, tables: readonly string[]) {
  const layout = specs.map((spec): Layout => {
    const sheet = context.workbook.worksheets.getItem(spec.name);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    const detail = spec.detail && tables.includes(spec.detail.table) ? context.workbook.tables.getItem(spec.detail.table) : undefined;
    const header = detail?.getHeaderRowRange();
    header?.load(["values", "rowIndex", "columnIndex"]);
    const lastRow = detail?.getDataBodyRange().getLastRow();
    lastRow?.load(["numberFormat", "rowIndex", "columnIndex"]);
    const heads = spec.store ? sheet.getRange("A1:B1") : undefined;
    heads?.load("values");
    return { spec, used, header, lastRow, heads };
  });
  return {
    async finish(): Promise<SheetReads> {
      for (let k = bands; ; k *= 2) {
        try {
          return await readBands(context, layout, k);
        } catch (e) {
          if (!isPayloadLimit(e) || k >= MAX_BANDS) throw e;
        }
      }
    },
  };
}

/** What the second sync read of a sheet when the reads go in bands. */
interface Layout {
  spec: SheetSpec;
  used: Excel.Range;
  header?: Excel.Range;
  lastRow?: Excel.Range;
  heads?: Excel.Range;
}

async function readBands(context: Excel.RequestContext, layout: Layout[], k: number): Promise<SheetReads> {
  const grids = layout.map((l) => ({ grid: { name: l.spec.name, rows: [] } as Grid, text: new Set<string>() }));
  let bytes = 0;
  let whole = 0;
  let slot: number | undefined;
  // What the layout says: the key columns, the store's slots, and the table's last row's formats.
  const plans = layout.map((l, i) => {
    if (l.used.isNullObject) return undefined;
    const r0 = l.used.rowIndex;
    const c0 = l.used.columnIndex;
    const rows = l.used.rowCount;
    let width = l.used.columnCount;
    let cols: number[] = [];
    let left = c0;
    if (l.header && l.spec.detail) {
      const heads = (l.header.values as Rows)[0].map((v) => String(v));
      cols = l.spec.detail.headers.map((h) => heads.indexOf(h)).filter((j) => j >= 0).map((j) => l.header!.columnIndex + j);
    }
    if (l.lastRow) bytes += into(grids[i].grid, { range: l.lastRow, values: false, types: false, formulas: false, formats: true }, grids[i].text);
    if (l.heads) {
      const [a, b] = (l.heads.values as Rows)[0] as CellValue[];
      // The slot whose header says the higher generation, and the other too unless it is older or empty.
      const gen = (v: CellValue) => (typeof v === "string" ? Number(/^prio-store\|1\|(\d+)\|/.exec(v)?.[1] ?? NaN) : NaN);
      const ga = gen(a);
      const gb = gen(b);
      const chosen = !Number.isNaN(gb) && !(ga > gb) ? 1 : 0;
      const other = chosen === 0 ? b : a;
      const both = !(other === null || other === "") && !(gen(other) < gen(chosen === 0 ? a : b));
      left = both ? 0 : chosen;
      width = both ? 2 : 1;
      slot = both ? undefined : chosen;
    }
    return { r0, rows, left, width, cols };
  });
  for (let b = 0; b < k; b++) {
    const queued: { i: number; l: Loaded }[] = [];
    plans.forEach((p, i) => {
      if (!p) return;
      const from = p.r0 + Math.floor((b * p.rows) / k);
      const to = p.r0 + Math.floor(((b + 1) * p.rows) / k);
      if (to <= from || p.width < 1) return;
      const sheet = context.workbook.worksheets.getItem(layout[i].spec.name);
      queued.push({ i, l: load(sheet.getRangeByIndexes(from, p.left, to - from, p.width), { values: true, types: layout[i].spec.types, formulas: false, formats: false }) });
      for (const c of p.cols) queued.push({ i, l: load(sheet.getRangeByIndexes(from, c, to - from, 1), { values: false, types: false, formulas: true, formats: true }) });
    });
    // One sync a band: the bands are as many as the payload needs (the point of this module).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const q of queued) {
      const n = into(grids[q.i].grid, q.l, grids[q.i].text);
      bytes += n;
      // One sync of everything would also have read every formula and number format of these sheets.
      whole += n + (q.l.values && (layout[q.i].spec.detail || (layout[q.i].spec.store && slot !== undefined)) ? n : 0);
    }
  }
  const out = grids.map(({ grid, text }) => {
    if (text.size) grid.textFormatted = text;
    return grid;
  });
  if (layout.some((l) => l.spec.store)) slot = slot ?? storeSlotInForce(out[layout.findIndex((l) => l.spec.store)]);
  return { grids: out, extraSyncs: k, hints: nextHints(bytes, whole, slot) };
}
