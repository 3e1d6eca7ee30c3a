/**
 * A legacy meeting workbook → rows of the add-in's scoring table. Every typed value is carried
 * over as it is (text in a score cell stays text, so its finding follows it), and notes beside
 * scores go to the Kommentar column with the question they were beside.
 */
import type { CellValue } from "../core/cell";
import { isCellError } from "../core/cell";
import { leaves, type Model } from "../core/model";
import type { LegacyWorkbook } from "./legacy";
import { nextMeasureId } from "./store";

/** One measure to write into a new scoring table. */
export interface ScoringRow {
  id: string;
  name: string;
  theme: string;
  actor: string;
  /** One value per leaf, in model order (numbers, text as typed, blanks as null). */
  scores: CellValue[];
  comment: string;
}

export function legacyToScoringRows(lw: LegacyWorkbook, model: Model, firstId = 1): { rows: ScoringRow[]; nextId: number } {
  const leafNodes = leaves(model);
  let counter = { nextId: firstId };
  const rows = lw.measures.map((m) => {
    const next = nextMeasureId(counter, []);
    counter = { nextId: next.nextId };
    const scores = leafNodes.map((l) => {
      const v = m.input.scores[l.id]?.value ?? null;
      return isCellError(v) ? v.error : v;
    });
    const comments = Object.entries(m.input.comments ?? {}).map(([id, text]) => {
      const node = leafNodes.find((l) => l.id === id);
      return node ? `${(node.short ?? node.label).nb}: ${text}` : text;
    });
    return { id: next.id, name: m.input.name, theme: m.sheet, actor: "", scores, comment: comments.join("; ") };
  });
  return { rows, nextId: counter.nextId };
}
