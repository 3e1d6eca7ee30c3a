/**
 * The inputs of either–or groups, quotas and steps (layout in plan-layout.ts), validated cell by
 * cell: *Gruppe* and *Tidligst* in Vurdering, the steps table and the quotas table on Modell.
 * `readRuleInputs` is called by the selection's reader (selection-inputs.ts), so groups and quotas
 * hold in a single selection too; plan-problem.ts makes the plan's problem from them.
 */
import { rawText, type CellValue } from "../core/cell";
import { SEGMENTS } from "../core/checklist";
import type { PlanStep } from "../core/plan";
import { COST_UNITS_PER_MNOK, type SelectionFinding, type SelectionItem } from "../core/selection-problem";
import { ruleFinding, type Quota } from "../core/selection-rules";
import { normalize } from "../core/text";
import { addr, textAt, valueAt, type Grid } from "./grid";
import { findHeaderTable, modelGrid, PLAN_COLUMNS, PLAN_TABLES, QUOTA_HEADERS, QUOTA_WORDS, STEP_HEADERS } from "./plan-layout";

/** A row of the steps table as typed: the frame in hundredths, or null when it is not an amount. */
export interface StepRow {
  name: string;
  budget: number | null;
  cell: string;
  raw: CellValue;
}

/** A quota row as read, its step still a name (null: every step). */
export type QuotaRow = Omit<Quota, "step" | "stepName"> & { stepName: string | null; stepCell: string };

export interface RuleInputs {
  /** Modell's steps table; null when there is none. */
  steps: StepRow[] | null;
  quotas: QuotaRow[];
  /** *Tidligst* by measure id: the text typed and its cell. */
  earliest: Map<string, { raw: string; cell: string }>;
  findings: SelectionFinding[];
  columns: { group: boolean; earliest: boolean };
}

const blank = (v: CellValue) => v === null || (typeof v === "string" && v.trim() === "");

function amount(v: CellValue): number | null {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) return null;
  return Math.round(v * COST_UNITS_PER_MNOK);
}

const wordIn = (words: readonly string[], text: string) => words.some((w) => normalize(w) === normalize(text));

/**
 * Reads *Gruppe* (onto the items, with Tema) and *Tidligst* from Vurdering, and Modell's steps
 * and quotas tables. The items are the selection's, in the order of `rows` (their sheet rows).
 */
export function readRuleInputs(grids: readonly Grid[], sheet: Grid, headerRow: number, firstCol: number, lastCol: number, items: SelectionItem[], rows: number[], themes: (string | undefined)[]): RuleInputs {
  const findings: SelectionFinding[] = [];
  const col = (header: string): number | undefined => {
    for (let c = firstCol; c <= lastCol; c++) if (normalize(textAt(sheet, headerRow, c) ?? "") === normalize(header)) return c;
    return undefined;
  };
  const groupCol = col(PLAN_COLUMNS.group);
  const earliestCol = col(PLAN_COLUMNS.earliest);
  const earliest = new Map<string, { raw: string; cell: string }>();
  items.forEach((it, k) => {
    const theme = themes[k];
    if (theme) it.theme = theme;
    const row = rows[k];
    if (groupCol !== undefined) {
      const cell = addr(sheet, row, groupCol);
      it.cells = { ...it.cells, group: cell };
      const v = valueAt(sheet, row, groupCol);
      if (!blank(v)) it.group = rawText(v).trim();
    }
    if (earliestCol !== undefined) {
      const v = valueAt(sheet, row, earliestCol);
      if (!blank(v)) earliest.set(it.id, { raw: rawText(v).trim(), cell: addr(sheet, row, earliestCol) });
    }
  });

  const model = modelGrid(grids);
  let steps: StepRow[] | null = null;
  const st = findHeaderTable(model, PLAN_TABLES.steps, STEP_HEADERS);
  if (model && st) {
    steps = [];
    for (let r = st.headerRow + 1; r <= st.lastRow; r++) {
      const name = textAt(model, r, st.firstCol) ?? (valueAt(model, r, st.firstCol) === null ? undefined : rawText(valueAt(model, r, st.firstCol)));
      if (!name) continue;
      const raw = valueAt(model, r, st.firstCol + 1);
      steps.push({ name, budget: amount(raw), cell: addr(model, r, st.firstCol + 1), raw });
    }
  }

  const quotas: QuotaRow[] = [];
  const qt = findHeaderTable(model, PLAN_TABLES.quotas, QUOTA_HEADERS, 4);
  if (model && qt) {
    const groups = new Map(items.filter((it) => it.group).map((it) => [normalize(it.group!), it.group!]));
    const themeNames = new Map(items.filter((it) => it.theme).map((it) => [normalize(it.theme!), it.theme!]));
    const hasStepCol = normalize(textAt(model, qt.headerRow, qt.firstCol + 4) ?? "") === normalize(QUOTA_HEADERS[4]);
    for (let r = qt.headerRow + 1; r <= qt.lastRow; r++) {
      const v = (k: number) => valueAt(model, r, qt.firstCol + k);
      if ([0, 1, 2, 3].every((k) => blank(v(k)))) continue;
      const bad = (field: string, k: number) => findings.push(ruleFinding("rule-quota-invalid", "warning", { field, raw: blank(v(k)) ? "" : rawText(v(k)) }, { cell: addr(model, r, qt.firstCol + k) }));
      const subject = blank(v(0)) ? "" : rawText(v(0)).trim();
      const segment = SEGMENTS.find((s) => normalize(s) === normalize(subject));
      const kind = segment ? "segment" : groups.has(normalize(subject)) ? "group" : themeNames.has(normalize(subject)) ? "theme" : undefined;
      if (!kind) {
        bad("subject", 0);
        continue;
      }
      const boundText = blank(v(1)) ? "" : rawText(v(1)).trim();
      const bound = wordIn(QUOTA_WORDS.min, boundText) ? "min" : wordIn(QUOTA_WORDS.max, boundText) ? "max" : undefined;
      if (!bound) {
        bad("bound", 1);
        continue;
      }
      const unitText = blank(v(3)) ? "tiltak" : rawText(v(3)).trim();
      const unit = wordIn(QUOTA_WORDS.count, unitText) ? "count" : wordIn(QUOTA_WORDS.mnok, unitText) ? "mnok" : undefined;
      if (!unit) {
        bad("unit", 3);
        continue;
      }
      const raw = v(2);
      const value = unit === "mnok" ? amount(raw) : typeof raw === "number" && Number.isInteger(raw) && raw >= 0 ? raw : null;
      if (value === null) {
        bad("value", 2);
        continue;
      }
      const stepValue = hasStepCol ? v(4) : null;
      const name = kind === "segment" ? segment! : kind === "group" ? groups.get(normalize(subject))! : themeNames.get(normalize(subject))!;
      quotas.push({ kind, name, bound, unit, value, cell: addr(model, r, qt.firstCol), stepName: blank(stepValue) ? null : rawText(stepValue).trim(), stepCell: addr(model, r, qt.firstCol + 4) });
    }
  }
  return { steps, quotas, earliest, findings, columns: { group: groupCol !== undefined, earliest: earliestCol !== undefined } };
}

/** The index of the step a text names: its name, or a number that ends exactly one step's name («3» for «Steg 3»). */
export function stepIndex(names: readonly string[], text: string): number | undefined {
  const k = names.findIndex((n) => normalize(n) === normalize(text));
  if (k >= 0) return k;
  const m = /^\d+$/.exec(text.trim());
  if (!m) return undefined;
  const hits = names.map((n, i) => ({ i, tail: /(\d+)\s*$/.exec(n)?.[1] })).filter((x) => x.tail !== undefined && Number(x.tail) === Number(m[0]));
  return hits.length === 1 ? hits[0].i : undefined;
}

/** The quotas with their steps resolved against `names` (a quota naming no step of these is reported and left out). */
export function resolveQuotas(rows: readonly QuotaRow[], names: readonly string[]): { quotas: Quota[]; findings: SelectionFinding[] } {
  const quotas: Quota[] = [];
  const findings: SelectionFinding[] = [];
  for (const { stepName, stepCell, ...q } of rows) {
    if (stepName === null) {
      quotas.push({ ...q, step: null });
      continue;
    }
    const k = stepIndex(names, stepName);
    if (k === undefined) findings.push(ruleFinding("rule-quota-invalid", "warning", { field: "step", raw: stepName }, { cell: stepCell }));
    else quotas.push({ ...q, step: k, stepName: names[k] });
  }
  return { quotas, findings };
}

/**
 * Modell's steps, validated: rows without a valid frame and repeated names are reported and left
 * out; the first step's frame is the Budsjettramme when one is set (reported when the row differs).
 */
export function modelSteps(rows: readonly StepRow[], budget: { value: number | null; cell?: string }): { steps: PlanStep[]; findings: SelectionFinding[] } {
  const findings: SelectionFinding[] = [];
  const steps: PlanStep[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(normalize(r.name))) {
      findings.push(ruleFinding("plan-step-duplicate", "warning", { step: r.name }, { cell: r.cell }));
      continue;
    }
    const first = steps.length === 0;
    if (r.budget === null && !(first && budget.value !== null && blank(r.raw))) {
      findings.push(ruleFinding("plan-step-invalid", "warning", { step: r.name, raw: blank(r.raw) ? "" : rawText(r.raw) }, { cell: r.cell }));
      continue;
    }
    seen.add(normalize(r.name));
    if (first && budget.value !== null) {
      if (r.budget !== null && r.budget !== budget.value)
        findings.push(ruleFinding("plan-first-frame", "warning", { step: r.name, frame: r.budget / 100, budget: budget.value / 100, budgetCell: budget.cell ?? "" }, { cell: r.cell }));
      steps.push({ name: r.name, budget: budget.value, cell: budget.cell ?? r.cell });
    } else steps.push({ name: r.name, budget: r.budget!, cell: r.cell });
  }
  return { steps, findings };
}
