/**
 * A person at the keyboard and the add-in's operations, as random steps for the invariant
 * property test. A person's step types, clears or formats cells in and around every table and
 * on every sheet (through the in-memory workbook's userEdit / userFormat — the person's own
 * actions); an operation is what the task pane does (src/excel/controller.ts).
 */
import fc from "fast-check";
import type { CellValue } from "../../src/core/cell";
import { allNodes, groups as groupNodes, type Model } from "../../src/core/model";
import type { ExcelController } from "../../src/excel/controller";
import { QUESTIONS } from "../../src/grid/checklist-table";
import { gridFromValues, type Grid } from "../../src/grid/grid";
import {
  CHECKLIST_COLUMNS,
  CHECKLIST_WORDS,
  MODEL_COLUMNS,
  SETTINGS_KEYS,
  SHEETS,
  TABLES,
} from "../../src/grid/layout";
import { STORE_SHEET } from "../../src/grid/store";
import { normalize } from "../../src/core/text";
import type { SimTable } from "../../src/sim/sheet";
import type { SimWorkbook } from "../../src/sim/workbook";
import { COUNCIL_ROWS, themeSheet } from "../support/grids";
import type { Asked } from "./ownership";

// ---------------------------------------------------------------------------------------------
// What a person types

/** Kinds of text a person types; the KNOWN_OPEN list of the test can hold some back. */
export type TypedKind =
  "score" | "answer" | "note" | "name" | "clear" | "formula" | "formula-like-text" | "number-text";

export const TYPED: Record<TypedKind, string[]> = {
  score: ["0", "7", "10", "7.5", "11", "-1"],
  answer: ["Ja", "Nei", "ja", "Kanskje", "rød", "grønn", "3"],
  note: ["Husk: møte fredag", "T003", "Ring NHN", "Notat", "Obs!"],
  name: ["PLL", "Nytt tiltak", "Kritisk info", "Dokumentdeling", "Helsenorge"],
  clear: [""],
  /** The person's own formulas (no references, so that moving cells never rewrites them). */
  formula: ["=1+2", "=SUM(1,2,3)", '=CONCATENATE("a","b")'],
  /** Text that looks like a formula or a number, typed with the apostrophe Excel wants. */
  "formula-like-text": [
    "'= viktig tiltak (fase 2",
    "'+47 22 00 00 00",
    "'-",
    "'@navn",
    "'=SUM(A1)",
  ],
  "number-text": ["'001", "'7", "'TRUE"],
};

export const FILLS = ["#FFC000", "#92D050", "#F8CBAD", "#FFF2CC"];
export const NUMBER_FORMATS = ["0.00", "@", "0%", "General"];

interface Where {
  sheet: number;
  place: number;
  row: number;
  col: number;
  /** A Tiltak, Aktør or ID cell of the scoring table or the checklist (what is copied between them). */
  focus: boolean;
}

export type PersonStep =
  | ({ kind: "type"; typed: TypedKind; pick: number; expand: boolean } & Where)
  | ({ kind: "format"; fill: number | null; numberFormat: number | null } & Where)
  /** The person deletes the Sjekkliste sheet (to start the checklist afresh with «Lag sjekkliste»). */
  | { kind: "deleteChecklist" };

export type AddinStep =
  | { kind: "recompute" }
  | { kind: "create" }
  | { kind: "import" }
  | { kind: "sync" }
  | { kind: "answer"; measure: number; question: number; answer: 0 | 1 | 2 }
  | { kind: "orphan"; which: number; add: boolean }
  | { kind: "weight"; node: number; weight: number }
  | { kind: "resetWeights" }
  | { kind: "tieBreak"; order: number[] }
  | { kind: "createChecklist" };

export type Step = PersonStep | AddinStep;

export const ADDIN_KINDS: AddinStep["kind"][] = [
  "recompute",
  "create",
  "import",
  "sync",
  "answer",
  "orphan",
  "weight",
  "resetWeights",
  "tieBreak",
  "createChecklist",
];

const where = {
  sheet: fc.nat(20),
  /** 0: anywhere near A1; 1+: around one of the sheet's tables. */
  place: fc.nat(6),
  row: fc.nat(30),
  /** Half the time one of the first four columns (ID, Tiltak, Tema/Aktør: what is copied between tables). */
  col: fc.oneof(fc.nat(3), fc.nat(30)),
  focus: fc.boolean(),
};

export function personStep(kinds: TypedKind[]): fc.Arbitrary<PersonStep> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant("type" as const),
        ...where,
        typed: fc.constantFrom(...kinds),
        pick: fc.nat(10),
        expand: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("format" as const),
        ...where,
        fill: fc.option(fc.nat(FILLS.length - 1), { nil: null }),
        numberFormat: fc.option(fc.nat(NUMBER_FORMATS.length - 1), { nil: null }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: "deleteChecklist" as const }) },
    // Clearing an ID in one of the two tables: the measure becomes an orphan in the other.
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("type" as const),
        sheet: fc.nat(20),
        place: fc.nat(6),
        row: fc.nat(30),
        col: fc.constant(2),
        focus: fc.constant(true),
        typed: fc.constant("clear" as const),
        pick: fc.constant(0),
        expand: fc.boolean(),
      }),
    }
  );
}

export function addinStep(kinds: AddinStep["kind"][]): fc.Arbitrary<AddinStep> {
  const all: Record<AddinStep["kind"], fc.Arbitrary<AddinStep>> = {
    recompute: fc.constant({ kind: "recompute" }),
    create: fc.constant({ kind: "create" }),
    import: fc.constant({ kind: "import" }),
    sync: fc.constant({ kind: "sync" }),
    answer: fc.record({
      kind: fc.constant("answer" as const),
      measure: fc.nat(5),
      question: fc.nat(QUESTIONS.length - 1),
      answer: fc.constantFrom(0 as const, 1 as const, 2 as const),
    }),
    orphan: fc.record({
      kind: fc.constant("orphan" as const),
      which: fc.nat(3),
      add: fc.boolean(),
    }),
    weight: fc.record({
      kind: fc.constant("weight" as const),
      node: fc.nat(20),
      weight: fc.constantFrom(0, 0.5, 1, 2, 3),
    }),
    resetWeights: fc.constant({ kind: "resetWeights" }),
    tieBreak: fc.record({
      kind: fc.constant("tieBreak" as const),
      order: fc.shuffledSubarray([0, 1, 2], { minLength: 1 }),
    }),
    createChecklist: fc.constant({ kind: "createChecklist" }),
  };
  return fc.oneof(...kinds.map((k) => all[k]));
}

// ---------------------------------------------------------------------------------------------
// Starting workbooks (small)

/** A legacy theme sheet of two or three measures: leaves typed, groups, Score and Rangering as typed (maybe wrong). */
export const legacySheet: fc.Arbitrary<Grid> = fc
  .record({
    names: fc.shuffledSubarray(["PLL", "Kritisk info", "Dokumentdeling"], {
      minLength: 2,
      maxLength: 3,
    }),
    seed: fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(null)), {
      minLength: 60,
      maxLength: 60,
    }),
  })
  .map(({ names, seed }) => {
    let i = 0;
    return themeSheet(
      "Tema A",
      names,
      COUNCIL_ROWS.map((r) => ({
        label: r.label,
        values: names.map((): CellValue => seed[i++ % seed.length]),
      }))
    );
  });

export const notesSheet: fc.Arbitrary<Grid> = fc
  .array(
    fc.tuple(
      fc.nat(6),
      fc.nat(5),
      fc.constantFrom<CellValue>("Husk: møte fredag", 42, "Ja", "= viktig", null)
    ),
    { maxLength: 5 }
  )
  .map((cells) => {
    const values: CellValue[][] = [];
    for (const [r, c, v] of cells) (values[r] ??= [])[c] = v;
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    return gridFromValues("Notater", values);
  });

export type Start = "empty" | "legacy" | "addin";

// ---------------------------------------------------------------------------------------------
// Applying a person's step

function targetCell(
  wb: SimWorkbook,
  s: Where
): { sheet: string; row: number; col: number } | undefined {
  if (s.focus) {
    const inputs = [TABLES.scoring, TABLES.checklist]
      .map((n) => table(wb, n))
      .filter((t): t is SimTable => t !== undefined);
    if (inputs.length) {
      const t = inputs[s.place % inputs.length];
      const c = col(
        t,
        [CHECKLIST_COLUMNS.name, CHECKLIST_COLUMNS.actor, CHECKLIST_COLUMNS.id][s.col % 3]
      );
      if (c !== undefined)
        return { sheet: t.sheet.name, row: t.bodyRect.r0 + (s.row % t.bodyRowCount), col: c };
    }
  }
  const sheets = wb.sheets.filter((x) => x.visibility === "Visible" && x.name !== STORE_SHEET);
  if (sheets.length === 0) return undefined;
  const sheet = sheets[s.sheet % sheets.length];
  const tables = wb.tables.filter((t) => !t.deleted && t.sheet === sheet);
  if (s.place === 0 || tables.length === 0)
    return { sheet: sheet.name, row: s.row % 8, col: s.col % 8 };
  const t = tables[s.place % tables.length];
  // Rows: the header, the body, and up to three rows under; columns: the table's and two beside.
  const rows = t.rect.r1 - t.rect.r0 + 4;
  const cols = t.rect.c1 - t.rect.c0 + 3;
  return { sheet: sheet.name, row: t.rect.r0 + (s.row % rows), col: t.rect.c0 + (s.col % cols) };
}

function a1(row: number, col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row + 1}`;
}

/** Whether a cell is an ID, Tiltak or Aktør cell of the scoring table or the checklist (copied between them and to Rangering). */
export function isCopiedName(wb: SimWorkbook, sheet: string, row: number, column: number): boolean {
  for (const name of [TABLES.scoring, TABLES.checklist]) {
    const t = table(wb, name);
    if (!t || t.sheet.name !== sheet || row <= t.rect.r0 || row > t.rect.r1 + 1) continue;
    if (
      [CHECKLIST_COLUMNS.id, CHECKLIST_COLUMNS.name, CHECKLIST_COLUMNS.actor].some(
        (h) => col(t, h) === column
      )
    )
      return true;
  }
  return false;
}

/**
 * Applies a person's step; returns what was done, for the failure report. `heldBack` lists typed
 * kinds not typed into an ID, name or Aktør cell of the two tables, and `textFormatInNames: false`
 * holds back the text format «@» there (see KNOWN_OPEN in the test).
 */
export async function applyPerson(
  wb: SimWorkbook,
  s: PersonStep,
  heldBack: TypedKind[] = [],
  textFormatInNames = true
): Promise<string> {
  if (s.kind === "deleteChecklist") {
    if (!wb.sheetByName(SHEETS.checklist) || wb.sheets.length < 2)
      return "(no Sjekkliste to delete)";
    // The person's action, done through the API the in-memory workbook offers for it.
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEETS.checklist).delete();
      await ctx.sync();
    });
    return "delete the Sjekkliste sheet";
  }
  const at = targetCell(wb, s);
  if (!at) return "(no sheet)";
  const address = a1(at.row, at.col);
  if (s.kind === "type") {
    const list = TYPED[s.typed];
    const text = list[s.pick % list.length];
    if (heldBack.includes(s.typed) && isCopiedName(wb, at.sheet, at.row, at.col))
      return `(held back: ${JSON.stringify(text)} in ${at.sheet}!${address})`;
    wb.userEdit(at.sheet, address, text, { autoExpand: s.expand });
    return `type ${JSON.stringify(text)} in ${at.sheet}!${address}${s.expand ? "" : " (AutoExpansion undone)"}`;
  }
  const format: { fill?: string | null; numberFormat?: string } = {};
  if (s.fill !== null) format.fill = FILLS[s.fill];
  if (s.numberFormat !== null) format.numberFormat = NUMBER_FORMATS[s.numberFormat];
  if (s.fill === null && s.numberFormat === null) format.fill = null;
  if (
    !textFormatInNames &&
    format.numberFormat === "@" &&
    isCopiedName(wb, at.sheet, at.row, at.col)
  )
    return `(held back: format «@» on ${at.sheet}!${address})`;
  wb.userFormat(at.sheet, address, format);
  return `format ${at.sheet}!${address} ${JSON.stringify(format)}`;
}

// ---------------------------------------------------------------------------------------------
// Applying an operation of the add-in

function table(wb: SimWorkbook, name: string): SimTable | undefined {
  return wb.tables.find((t) => !t.deleted && t.name.toLowerCase() === name.toLowerCase());
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : typeof v === "object" ? v.error : String(v).trim();
}

function col(t: SimTable, header: string): number | undefined {
  const i = t.headers().findIndex((h) => normalize(h) === normalize(header));
  return i < 0 ? undefined : t.rect.c0 + i;
}

/** The body row of a table whose column `header` holds `key` (the first one). */
function rowWhere(t: SimTable, header: string, key: string): number | undefined {
  const c = col(t, header);
  if (c === undefined) return undefined;
  for (let r = t.bodyRect.r0; r <= t.bodyRect.r1; r++)
    if (text(t.sheet.get(r, c)?.value) === key) return r;
  return undefined;
}

function ids(c: ExcelController): string[] {
  return c.getState().assessment?.measures.map((m) => m.id) ?? [];
}

/**
 * Runs an operation through the controller, as the task pane would. Returns a description and
 * the cells the person asked to set (for check d of ownership.ts).
 */
export async function applyAddin(
  wb: SimWorkbook,
  c: ExcelController,
  s: AddinStep
): Promise<{ what: string; asked: Asked[] }> {
  const done = await runAddin(wb, c, s);
  // A refusal (a warning notice) changed nothing, so nothing asked is expected in the cells.
  return c.getState().noticeKind === "warning"
    ? { what: `${done.what} (refused: ${c.getState().notice})`, asked: [] }
    : done;
}

async function runAddin(
  wb: SimWorkbook,
  c: ExcelController,
  s: AddinStep
): Promise<{ what: string; asked: Asked[] }> {
  const model: Model | undefined = c.getState().model;
  // The pane offers these only on the add-in's layout (status "ready").
  const needsLayout: AddinStep["kind"][] = [
    "answer",
    "orphan",
    "weight",
    "resetWeights",
    "tieBreak",
    "createChecklist",
  ];
  if (needsLayout.includes(s.kind) && c.getState().status !== "ready")
    return { what: `(${s.kind}: not offered, status ${c.getState().status})`, asked: [] };
  switch (s.kind) {
    case "recompute":
      await c.recalc();
      return { what: "recompute", asked: [] };
    case "create":
      await c.createWorkbook();
      return { what: "create-layout", asked: [] };
    case "import":
      await c.importLegacy();
      return { what: "import-legacy", asked: [] };
    case "sync":
      await c.syncLegacy();
      return { what: "Synkroniser", asked: [] };
    case "createChecklist":
      await c.createChecklist();
      return { what: "create-checklist", asked: [] };
    case "answer": {
      const list = ids(c);
      const id = list.length ? list[s.measure % list.length] : "T001";
      const q = QUESTIONS[s.question];
      const answer = s.answer === 0 ? true : s.answer === 1 ? false : null;
      const t = table(wb, TABLES.checklist);
      const row = t ? rowWhere(t, CHECKLIST_COLUMNS.id, id) : undefined;
      const qc = t ? col(t, CHECKLIST_COLUMNS[q]) : undefined;
      const asked: Asked[] =
        t && row !== undefined && qc !== undefined
          ? [
              {
                sheet: t.sheet.name,
                row,
                col: qc,
                value:
                  answer === true
                    ? CHECKLIST_WORDS.yes
                    : answer === false
                      ? CHECKLIST_WORDS.no
                      : null,
              },
            ]
          : [];
      await c.setAnswer(id, q, answer);
      return { what: `answer ${id} ${q} = ${String(answer)}`, asked };
    }
    case "orphan": {
      const orphans = (c.getState().assessment?.findings ?? [])
        .filter((f) => f.code === "checklist-only-scoring" || f.code === "checklist-only-checklist")
        .map((f) => f.measureId!);
      const id = orphans.length ? orphans[s.which % orphans.length] : (ids(c)[0] ?? "T001");
      await c.resolveOrphan(id, s.add ? "add" : "remove");
      return { what: `orphan ${id} ${s.add ? "add" : "remove"}`, asked: [] };
    }
    case "weight": {
      const nodes = model ? allNodes(model).map((n) => n.id) : ["nytte"];
      const id = nodes[s.node % nodes.length];
      const t = table(wb, TABLES.model);
      const row = t ? rowWhere(t, MODEL_COLUMNS.id, id) : undefined;
      const wc = t ? col(t, MODEL_COLUMNS.weight) : undefined;
      const asked: Asked[] =
        t && row !== undefined && wc !== undefined
          ? [{ sheet: t.sheet.name, row, col: wc, value: s.weight }]
          : [];
      await c.setWeight(id, s.weight);
      return { what: `weight ${id} = ${s.weight}`, asked };
    }
    case "resetWeights": {
      const t = table(wb, TABLES.model);
      const asked: Asked[] = [];
      const idc = t ? col(t, MODEL_COLUMNS.id) : undefined;
      const wc = t ? col(t, MODEL_COLUMNS.weight) : undefined;
      if (t && idc !== undefined && wc !== undefined) {
        for (let r = t.bodyRect.r0; r <= t.bodyRect.r1; r++) {
          // The controller's rule: the Modell rows run to the first ID that is not text (a blank,
          // or a number a person typed under the table); those are not criteria to reset.
          const id = t.sheet.get(r, idc)?.value;
          if (typeof id !== "string" || id.trim() === "") break;
          asked.push({ sheet: t.sheet.name, row: r, col: wc, value: 1 });
        }
      }
      await c.resetWeights();
      return { what: "reset-weights", asked };
    }
    case "tieBreak": {
      const gs = model
        ? groupNodes(model)
            .filter((g) => model.criteria.includes(g))
            .map((g) => g.id)
        : [];
      const order = s.order.filter((i) => i < gs.length).map((i) => gs[i]);
      const t = table(wb, TABLES.settings);
      const row = t ? rowWhere(t, t.headers()[0], SETTINGS_KEYS.tieBreak) : undefined;
      const asked: Asked[] =
        t && row !== undefined
          ? [{ sheet: t.sheet.name, row, col: t.rect.c0 + 1, value: order.join(", ") }]
          : [];
      await c.setTieBreak(order);
      return { what: `tie-break ${order.join(", ")}`, asked };
    }
  }
}
