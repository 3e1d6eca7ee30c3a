/**
 * The selection's inputs from the add-in's workbook, validated cell by cell:
 * - Vurdering (optional columns, by header): *Kostnad (MNOK)* (a number ≥ 0), *Forutsetter*
 *   (IDs: «T001, T004», ranges «T001–T004»), *Valg* (*Tas med* / *Holdes utenfor* / blank);
 * - Modell, settings table: *Budsjettramme (MNOK)*, *Minimumsramme (MNOK)*, and per-segment
 *   limits *Ramme Samstyre (MNOK)* etc.;
 * - the score and rank from the assessment, the segment from the checklist (Inn + segment).
 * Amounts become whole hundredths of a MNOK; more decimals are rounded and reported. An amount
 * that is negative, not finite or absurdly large (over MAX_AMOUNT_MNOK) is a finding on its cell,
 * and the measure (or the frame) is left out, as text is.
 */
import type { CellValue } from "../core/cell";
import { numberInText, rawText } from "../core/cell";
import { SEGMENTS } from "../core/checklist";
import { COST_UNITS_PER_MNOK, selectionFinding as finding, type Forced, type SelectionFinding, type SelectionItem, type SelectionProblem } from "../core/selection-problem";
import { normalize } from "../core/text";
import { fullNameTexts } from "../core/full-name";
import { addr, rowCount, textAt, valueAt, type Grid } from "./grid";
import { CHOICE_WORDS, SELECTION_COLUMNS, SELECTION_SETTINGS, SHEETS, segmentLimitKey } from "./layout";
import { SETTINGS_HEADERS } from "./model-table";
import type { WorkbookRead } from "./workbook";
import { readRuleInputs, resolveQuotas, type RuleInputs } from "./plan-inputs";

export interface SelectionInputs {
  /** The problem; `budget` is null when the workbook sets no frame (the CLI may give one). */
  problem: Omit<SelectionProblem, "budget"> & { budget: number | null };
  findings: SelectionFinding[];
  /** Which optional columns the scoring table has. */
  columns: { cost: boolean; requires: boolean; choice: boolean };
  /** Either–or groups, quotas, *Tidligst* and Modell's steps as read (plan-inputs.ts). */
  rules?: RuleInputs;
}

/**
 * The largest amount a cost or a frame may be: a million MNOK (a thousand billion kroner, half of
 * the state budget). Anything larger is a typing slip (1e20), not an amount, and would only make
 * the solver's sums inexact.
 */
export const MAX_AMOUNT_MNOK = 1_000_000;

/** What is wrong with a value that is not an amount: text, below 0, above MAX_AMOUNT_MNOK, or no finite number. */
export type AmountProblem = "text" | "negative" | "large" | "not-finite";

type Amount = { ok: true; hundredths: number; rounded: boolean } | { ok: false; problem: AmountProblem; suggestion?: number };

/** A non-negative amount in MNOK, at most MAX_AMOUNT_MNOK, as whole hundredths. Text is never taken as a number. */
export function parseAmount(v: CellValue): Amount {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { ok: false, problem: "not-finite" };
    if (v < 0) return { ok: false, problem: "negative" };
    if (v > MAX_AMOUNT_MNOK) return { ok: false, problem: "large" };
    const h = Math.round(v * COST_UNITS_PER_MNOK);
    return { ok: true, hundredths: h, rounded: Math.abs(v * COST_UNITS_PER_MNOK - h) > 1e-6 };
  }
  if (typeof v === "string") {
    const n = numberInText(v);
    return n !== undefined && n >= 0 && n <= MAX_AMOUNT_MNOK ? { ok: false, problem: "text", suggestion: n } : { ok: false, problem: "text" };
  }
  return { ok: false, problem: "text" };
}

/** IDs in a Forutsetter cell: separated by commas, semicolons, line breaks or «og»; ranges with – or -. */
export function parseRequires(text: string, known: Set<string>): { ids: string[]; unknown: string[]; garbled: boolean } {
  // Case-blind look-up only for an ID not written as it is (made then: a sheet's every cell would otherwise make it anew).
  let byUpper: Map<string, string> | undefined;
  const resolve = (t: string): string | undefined => (known.has(t) ? t : (byUpper ??= new Map([...known].map((id) => [id.toUpperCase(), id]))).get(t.toUpperCase()));
  const ids: string[] = [];
  const unknown: string[] = [];
  let garbled = false;
  const range = (a: string, b: string): string[] | undefined => {
    const ma = /^(.*?)(\d+)$/.exec(a.trim());
    const mb = /^(.*?)(\d+)$/.exec(b.trim());
    if (!ma || !mb || (mb[1] !== "" && mb[1].toUpperCase() !== ma[1].toUpperCase())) return undefined;
    const from = Number(ma[2]);
    const to = Number(mb[2]);
    if (to < from || to - from > 500) return undefined;
    const width = ma[2].length;
    return Array.from({ length: to - from + 1 }, (_, k) => `${ma[1]}${String(from + k).padStart(width, "0")}`);
  };
  for (const part of text.split(/[,;\n]+|\s+(?:og|and)\s+/i)) {
    const token = part.trim();
    if (token === "") continue;
    const whole = resolve(token);
    if (whole) {
      ids.push(whole);
      continue;
    }
    // «T001–T004», «JD-1 – JD-4», «T001-T004» (a hyphen only when the token is not itself an ID).
    const dash = /^(.+?)\s*[–—]\s*(.+)$/.exec(token) ?? /^(.+?)\s+-\s+(.+)$/.exec(token) ?? /^([^-\s]+)-([^-\s]+)$/.exec(token);
    const expanded = dash ? range(dash[1], dash[2]) : undefined;
    if (expanded) {
      for (const id of expanded) {
        const r = resolve(id);
        if (r) ids.push(r);
        else unknown.push(id);
      }
      continue;
    }
    const words = token.split(/\s+/);
    if (words.length > 1 && words.every((w) => resolve(w))) {
      ids.push(...words.map((w) => resolve(w)!));
      continue;
    }
    if (/^[\p{L}\p{N}._#/-]+$/u.test(token)) unknown.push(token);
    else garbled = true;
  }
  return { ids: [...new Set(ids)], unknown: [...new Set(unknown)], garbled };
}

function findByName(grids: Grid[], name: string): Grid | undefined {
  return grids.find((g) => normalize(g.name) === normalize(name));
}

/** Setting rows of the Modell sheet's settings table: key → value and its cell. */
function settingCells(g: Grid | undefined): Map<string, { value: CellValue; cell: string; key: string }> {
  const out = new Map<string, { value: CellValue; cell: string; key: string }>();
  if (!g) return out;
  for (let r = 0; r < rowCount(g); r++) {
    const row = g.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (textAt(g, r, c) !== SETTINGS_HEADERS[0] || textAt(g, r, c + 1) !== SETTINGS_HEADERS[1]) continue;
      for (let rr = r + 1; rr < rowCount(g); rr++) {
        const k = textAt(g, rr, c);
        if (k === undefined) break;
        out.set(normalize(k), { value: valueAt(g, rr, c + 1), cell: addr(g, rr, c + 1), key: k });
      }
      return out;
    }
  }
  return out;
}

export function readSelectionInputs(grids: Grid[], read: Extract<WorkbookRead, { kind: "addin" }>): SelectionInputs {
  const findings: SelectionFinding[] = [];
  const sheet = findByName(grids, SHEETS.scoring)!;
  const { region, scoring, assessment } = read;
  const col = (header: string): number | undefined => {
    for (let c = region.firstCol; c <= region.lastCol; c++) if (normalize(textAt(sheet, region.headerRow, c) ?? "") === normalize(header)) return c;
    return undefined;
  };
  const costCol = col(SELECTION_COLUMNS.cost);
  const reqCol = col(SELECTION_COLUMNS.requires);
  const choiceCol = col(SELECTION_COLUMNS.choice);
  const known = new Set(scoring.measures.map((m) => m.id));
  const results = new Map(assessment.measures.map((m) => [m.id, m]));
  const segmentOf = (id: string): string | undefined => {
    const p = read.checklist?.placements.get(id);
    return p && p.entry === "inn" && p.segment !== "ikke-vurdert" ? p.segment : undefined;
  };

  // The lists name a measure as every output does: «Tema: tiltak», unique (core/full-name.ts).
  const names = fullNameTexts(scoring.measures);
  const items: SelectionItem[] = scoring.measures.map((m) => {
    const row = scoring.rowOf.get(m.id)!;
    const where = { measureId: m.id };
    const cells: NonNullable<SelectionItem["cells"]> = { name: m.address };
    let cost: number | null = null;
    let costText: string | undefined;
    if (costCol !== undefined) {
      const cell = addr(sheet, row, costCol);
      cells.cost = cell;
      const v = valueAt(sheet, row, costCol);
      if (v === null || (typeof v === "string" && v.trim() === "")) findings.push(finding("selection-cost-missing", "warning", { measure: m.name }, { ...where, cell }));
      else {
        const a = parseAmount(v);
        if (a.ok) {
          cost = a.hundredths;
          if (a.rounded) findings.push(finding("selection-cost-rounded", "info", { measure: m.name, raw: rawText(v), rounded: a.hundredths / COST_UNITS_PER_MNOK }, { ...where, cell }));
        } else {
          const params: Record<string, string | number> = { measure: m.name, raw: rawText(v), problem: a.problem, max: MAX_AMOUNT_MNOK };
          if (a.suggestion !== undefined) params.suggestion = a.suggestion;
          findings.push(finding("selection-cost-invalid", "warning", params, { ...where, cell }));
          costText = rawText(v);
        }
      }
    }
    let requires: string[] = [];
    if (reqCol !== undefined) {
      const cell = addr(sheet, row, reqCol);
      cells.requires = cell;
      const v = valueAt(sheet, row, reqCol);
      const text = v === null ? "" : rawText(v).trim();
      if (text !== "") {
        const parsed = parseRequires(text, known);
        if (parsed.garbled) findings.push(finding("selection-requires-text", "warning", { measure: m.name, raw: text }, { ...where, cell }));
        if (parsed.unknown.length) findings.push(finding("selection-requires-unknown", "warning", { measure: m.name, ids: parsed.unknown }, { ...where, cell }));
        if (parsed.ids.includes(m.id)) findings.push(finding("selection-requires-self", "warning", { measure: m.name }, { ...where, cell }));
        requires = parsed.ids.filter((id) => id !== m.id);
      }
    }
    let forced: Forced = null;
    if (choiceCol !== undefined) {
      const cell = addr(sheet, row, choiceCol);
      cells.forced = cell;
      const v = valueAt(sheet, row, choiceCol);
      const text = v === null ? "" : rawText(v).trim();
      if (normalize(text) === normalize(CHOICE_WORDS.in)) forced = "in";
      else if (normalize(text) === normalize(CHOICE_WORDS.out)) forced = "out";
      else if (text !== "") findings.push(finding("selection-choice-invalid", "warning", { measure: m.name, raw: text }, { ...where, cell }));
    }
    const result = results.get(m.id);
    const item: SelectionItem = { id: m.id, name: names.get(m.id) ?? m.name, cost, score: result?.total ?? null, requires, forced, rank: result?.rank ?? null, cells };
    if (costText !== undefined) item.costText = costText;
    const segment = segmentOf(m.id);
    if (segment) item.segment = segment;
    return item;
  });

  const settings = settingCells(findByName(grids, SHEETS.model));
  const amount = (key: string, frame: "budget" | "minimum" | "segment"): { value: number | null; cell?: string } => {
    const s = settings.get(normalize(key));
    if (!s || s.value === null || (typeof s.value === "string" && s.value.trim() === "")) return { value: null, cell: s?.cell };
    const a = parseAmount(s.value);
    if (!a.ok) {
      findings.push(finding("selection-frame-invalid", "warning", { setting: s.key, frame, raw: rawText(s.value), problem: a.problem, max: MAX_AMOUNT_MNOK }, { cell: s.cell }));
      return { value: null, cell: s.cell };
    }
    return { value: a.hundredths, cell: s.cell };
  };
  const budget = amount(SELECTION_SETTINGS.budget, "budget");
  const minimum = amount(SELECTION_SETTINGS.minimum, "minimum");
  const segmentLimits: Record<string, number> = {};
  const segmentCells: Record<string, string> = {};
  for (const s of SEGMENTS) {
    const l = amount(segmentLimitKey(s), "segment");
    if (l.value !== null) segmentLimits[s] = l.value;
    if (l.cell) segmentCells[s] = l.cell;
  }
  const cells: NonNullable<SelectionProblem["cells"]> = { segments: segmentCells };
  if (budget.cell) cells.budget = budget.cell;
  if (minimum.cell) cells.minimum = minimum.cell;
  const problem: SelectionInputs["problem"] = { items, budget: budget.value, cells };
  if (minimum.value !== null) problem.minimum = minimum.value;
  if (Object.keys(segmentLimits).length) problem.segmentLimits = segmentLimits;
  // Either–or groups (onto the items), quotas with the steps they name, Tidligst (plan-inputs.ts).
  const rows = scoring.measures.map((m) => scoring.rowOf.get(m.id)!);
  const rules = readRuleInputs(grids, sheet, region.headerRow, region.firstCol, region.lastCol, items, rows, scoring.measures.map((m) => m.theme));
  const quotas = resolveQuotas(rules.quotas, rules.steps?.map((s) => s.name) ?? []);
  findings.push(...rules.findings, ...quotas.findings);
  if (quotas.quotas.length) problem.quotas = quotas.quotas;
  return { problem, findings, columns: { cost: costCol !== undefined, requires: reqCol !== undefined, choice: choiceCol !== undefined }, rules };
}
