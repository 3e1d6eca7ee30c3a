/**
 * A finding is a value, not an exception: a code, a severity, the cell it is about (Excel's
 * form, `'Kritisk info'!F9`), the measure and criterion, and the parameters of its message.
 * The UI, the CLI and the slides all render the same findings through src/i18n.
 */

export type Severity = "error" | "warning" | "info";

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export type FindingCode =
  // a score cell
  | "cell-text"
  | "cell-boolean"
  | "cell-error"
  | "cell-out-of-scale"
  | "cell-not-finite"
  // a measure
  | "missing-scores"
  | "few-scores"
  | "no-total"
  | "tie"
  // the model
  | "model-invalid"
  | "store-damaged"
  | "store-newer"
  // saved rounds (PrioRunder)
  | "round-damaged"
  | "rounds-register-damaged"
  // the legacy meeting layout
  | "legacy-formula"
  | "legacy-not-calculated"
  | "legacy-sheet-empty"
  | "legacy-error-value"
  | "legacy-rank-stale"
  | "legacy-rank-missing"
  | "missing-row"
  | "unmatched-row"
  | "duplicate-row"
  | "unnamed-measure"
  | "summary-score"
  | "summary-rank"
  | "summary-tie"
  | "summary-unmatched"
  | "summary-name"
  | "summary-missing"
  | "summary-typed"
  // the add-in's own scoring table
  | "table-duplicate-id"
  | "table-missing-id"
  | "table-missing-name"
  | "table-error-value"
  | "table-rows-outside"
  | "table-missing-column"
  | "table-unknown-column"
  | "table-duplicate-column"
  // the checklist
  | "checklist-answer"
  | "checklist-only-scoring"
  | "checklist-only-checklist"
  | "checklist-name-conflict"
  | "checklist-actor-conflict"
  | "near-duplicate"
  | "portfolio-value"
  | "portfolio-budget";

export type ParamValue = string | number | boolean | null | string[] | number[];

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Excel's form with the sheet, e.g. `DBEP!C16`, `'Kritisk info'!F9`; a range where apt. */
  cell?: string;
  measureId?: string;
  criterionId?: string;
  /** Values the message needs. Criterion ids in `criteria`/`groups` are labelled by the renderer. */
  params: Record<string, ParamValue>;
}

export function finding(
  code: FindingCode,
  severity: Severity,
  params: Record<string, ParamValue>,
  where: { cell?: string; measureId?: string; criterionId?: string } = {},
): Finding {
  const f: Finding = { code, severity, params };
  if (where.cell !== undefined) f.cell = where.cell;
  if (where.measureId !== undefined) f.measureId = where.measureId;
  if (where.criterionId !== undefined) f.criterionId = where.criterionId;
  return f;
}

export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
}
