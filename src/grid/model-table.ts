/**
 * The model as two editable tables on the Modell sheet: the criteria tree (one row per node,
 * parents first, with weights, direction and scale descriptors) and the settings (scale, how
 * the total is formed, tie-break, tolerance). Rows ↔ model both ways; reading validates.
 */
import type { CellValue } from "../core/cell";
import { allNodes, completenessOf, impliedLeafWeights, isGroup, type CriterionNode, type Descriptor, type Model, type TotalKind } from "../core/model";
import { MAX_WEIGHT, parseModel, type ModelProblem } from "../core/model-validate";
import { numberInText } from "../core/cell";
import { normalize } from "../core/text";
import { DIRECTION_WORDS, MODEL_COLUMNS, SETTINGS_KEYS, TOTAL_WORDS } from "./layout";

export const MODEL_HEADERS = [
  MODEL_COLUMNS.id,
  MODEL_COLUMNS.parent,
  MODEL_COLUMNS.label,
  MODEL_COLUMNS.labelEn,
  MODEL_COLUMNS.short,
  MODEL_COLUMNS.shortEn,
  MODEL_COLUMNS.weight,
  MODEL_COLUMNS.direction,
  MODEL_COLUMNS.descriptors,
  MODEL_COLUMNS.implied,
] as const;

export const SETTINGS_HEADERS = ["Innstilling", "Verdi"] as const;

/** "0 = Ekstremt komplekst | 10 = Lite komplekst" (bokmål) — English kept in the stored model. */
function descriptorsText(ds: Descriptor[] | undefined): string {
  return (ds ?? []).map((d) => `${d.score} = ${d.text.nb}`).join(" | ");
}

function parseDescriptors(text: string, previous: Descriptor[] | undefined): Descriptor[] | undefined {
  if (text.trim() === "") return undefined;
  const out: Descriptor[] = [];
  for (const part of text.split("|")) {
    const m = /^\s*([-+]?\d+(?:[.,]\d+)?)\s*=\s*(.+?)\s*$/.exec(part);
    if (!m) continue;
    const score = Number(m[1].replace(",", "."));
    const before = previous?.find((d) => d.score === score);
    out.push({ score, text: { nb: m[2], en: before && before.text.nb === m[2] ? before.text.en : m[2] } });
  }
  return out.length ? out : undefined;
}

export function modelRows(model: Model): CellValue[][] {
  const parentOf = new Map<string, string>();
  for (const n of allNodes(model)) for (const c of n.children ?? []) parentOf.set(c.id, n.id);
  const implied = impliedLeafWeights(model);
  return allNodes(model).map((n) => [
    n.id,
    parentOf.get(n.id) ?? "",
    n.label.nb,
    n.label.en,
    n.short?.nb ?? "",
    n.short?.en ?? "",
    n.weight,
    isGroup(n) ? "" : DIRECTION_WORDS[n.direction ?? "higher-better"],
    isGroup(n) ? "" : descriptorsText(n.descriptors),
    isGroup(n) ? "" : (implied.get(n.id) ?? 0),
  ]);
}

export function settingsRows(model: Model): CellValue[][] {
  return [
    [SETTINGS_KEYS.name, model.name],
    [SETTINGS_KEYS.min, model.scale.min],
    [SETTINGS_KEYS.max, model.scale.max],
    [SETTINGS_KEYS.total, TOTAL_WORDS[model.total]],
    [SETTINGS_KEYS.tieBreak, model.tieBreak.join(", ")],
    [SETTINGS_KEYS.tolerance, model.tolerance],
    [SETTINGS_KEYS.completeness, completenessOf(model)],
  ];
}

function str(v: CellValue | undefined): string {
  if (v === null || v === undefined || typeof v === "object") return "";
  return String(v).trim();
}

function num(v: CellValue | undefined): number {
  if (typeof v === "number") return v;
  if (typeof v === "string") return numberInText(v) ?? NaN;
  return NaN;
}

export type ReadModel = { ok: true; model: Model } | { ok: false; problems: ModelProblem[] };

/** Where the tables' cells are on the sheet, so a problem names its own cell. */
export interface ModelCells {
  /** The cell of row `index` (0 = first row under the header) and column `column` of the criteria table. */
  row(index: number, column: number): string;
  /** The value cell of row `index` of the settings table. */
  setting(index: number): string;
}

const COL = (name: string) => (MODEL_HEADERS as readonly string[]).indexOf(name);

/** The cell a problem is about: the node's weight, ID or descriptors, or the setting's value. */
function cellOfProblem(p: ModelProblem, rowOfId: Map<string, number>, settingRow: (key: string) => number, cells: ModelCells): string | undefined {
  const node = rowOfId.get(p.at);
  const setting = (key: string) => (settingRow(key) >= 0 ? cells.setting(settingRow(key)) : undefined);
  switch (p.code) {
    case "weight":
    case "group-without-weight":
      return node !== undefined ? cells.row(node, COL(MODEL_COLUMNS.weight)) : undefined;
    case "duplicate-id":
      return node !== undefined ? cells.row(node, COL(MODEL_COLUMNS.id)) : undefined;
    case "descriptor-outside-scale":
      return node !== undefined ? cells.row(node, COL(MODEL_COLUMNS.descriptors)) : undefined;
    case "scale":
      return setting(SETTINGS_KEYS.min);
    case "tolerance":
      return setting(SETTINGS_KEYS.tolerance);
    case "completeness":
      return setting(SETTINGS_KEYS.completeness);
    case "tie-break-unknown":
      return setting(SETTINGS_KEYS.tieBreak);
    case "shape":
      if (node !== undefined) return cells.row(node, COL(MODEL_COLUMNS.parent));
      return setting(p.at);
    default:
      return undefined;
  }
}

/**
 * Builds a model from the two tables' rows (without headers). `previous` supplies what the
 * tables do not hold (aliases, English descriptor texts) and the fallbacks for blank settings.
 */
export function readModelTables(rows: CellValue[][], settings: CellValue[][], previous: Model, cells?: ModelCells): ReadModel {
  const read = readTables(rows, settings, previous);
  if (read.ok || !cells) return read;
  // The last row of an ID (a duplicate is reported at its second row).
  const rowOfId = new Map<string, number>();
  rows.forEach((row, i) => {
    const id = str(row[0]);
    if (id !== "") rowOfId.set(id, i);
  });
  const settingRow = (key: string) => settings.findIndex((r) => normalize(str(r[0])) === normalize(key));
  return {
    ok: false,
    problems: read.problems.map((p) => {
      const cell = cellOfProblem(p, rowOfId, settingRow, cells);
      return cell ? { ...p, cell } : p;
    }),
  };
}

function readTables(rows: CellValue[][], settings: CellValue[][], previous: Model): ReadModel {
  const problems: ModelProblem[] = [];
  const prevNodes = new Map(allNodes(previous).map((n) => [n.id, n]));
  const nodes = new Map<string, CriterionNode>();
  const order: { node: CriterionNode; parent: string }[] = [];

  rows.forEach((row, i) => {
    const id = str(row[0]);
    if (id === "") {
      if (row.some((v) => str(v) !== "")) problems.push({ code: "shape", at: `${MODEL_COLUMNS.id} (rad ${i + 1})`, detail: "tom ID" });
      return;
    }
    if (nodes.has(id)) {
      problems.push({ code: "duplicate-id", at: id });
      return;
    }
    const before = prevNodes.get(id);
    const label = { nb: str(row[2]) || before?.label.nb || id, en: str(row[3]) || str(row[2]) || before?.label.en || id };
    const weight = num(row[6]);
    if (!Number.isFinite(weight) || weight < 0 || weight > MAX_WEIGHT) problems.push({ code: "weight", at: id, detail: str(row[6]) || "–" });
    const node: CriterionNode = { id, label, weight };
    const shortNb = str(row[4]);
    if (shortNb) node.short = { nb: shortNb, en: str(row[5]) || shortNb };
    const dir = normalize(str(row[7]));
    if (dir === normalize(DIRECTION_WORDS.inverted) || dir === "inverted") node.direction = "inverted";
    else if (dir !== "") node.direction = "higher-better";
    const descriptors = parseDescriptors(str(row[8]), before?.descriptors);
    if (descriptors) node.descriptors = descriptors;
    if (before?.aliases) node.aliases = before.aliases;
    nodes.set(id, node);
    order.push({ node, parent: str(row[1]) });
  });

  const criteria: CriterionNode[] = [];
  for (const { node, parent } of order) {
    if (parent === "") {
      criteria.push(node);
      continue;
    }
    const p = nodes.get(parent);
    if (!p) {
      problems.push({ code: "shape", at: node.id, detail: `${MODEL_COLUMNS.parent} ${parent}` });
      continue;
    }
    p.children = [...(p.children ?? []), node];
  }
  for (const n of nodes.values()) {
    if (n.children && n.children.length) {
      delete n.direction;
      delete n.descriptors;
    } else if (!n.direction) n.direction = "higher-better";
  }

  const setting = new Map<string, CellValue>();
  for (const row of settings) setting.set(normalize(str(row[0])), row[1] ?? null);
  const get = (key: string): CellValue | undefined => setting.get(normalize(key));
  const totalWord = normalize(str(get(SETTINGS_KEYS.total)));
  let total: TotalKind | undefined;
  if (totalWord === "") total = previous.total;
  else if (totalWord === TOTAL_WORDS.sum || totalWord === "sum") total = "sum";
  else if (totalWord === TOTAL_WORDS.mean || totalWord === "mean") total = "mean";
  if (total === undefined) problems.push({ code: "shape", at: SETTINGS_KEYS.total, detail: str(get(SETTINGS_KEYS.total)) });
  const tieText = str(get(SETTINGS_KEYS.tieBreak));
  const minV = get(SETTINGS_KEYS.min);
  const maxV = get(SETTINGS_KEYS.max);
  const tolV = get(SETTINGS_KEYS.tolerance);
  const compV = get(SETTINGS_KEYS.completeness);

  const model: Model = {
    version: 1,
    name: str(get(SETTINGS_KEYS.name)) || previous.name,
    scale: {
      min: minV === undefined || str(minV) === "" ? previous.scale.min : num(minV),
      max: maxV === undefined || str(maxV) === "" ? previous.scale.max : num(maxV),
    },
    total: total ?? previous.total,
    criteria,
    tieBreak: tieText === "" ? [] : tieText.split(/[,;]\s*/).map((s) => s.trim()).filter(Boolean),
    tolerance: tolV === undefined || str(tolV) === "" ? previous.tolerance : num(tolV),
  };
  const completeness = compV === undefined || str(compV) === "" ? previous.completeness : num(compV);
  if (completeness !== undefined) model.completeness = completeness;
  if (problems.length) return { ok: false, problems };
  const parsed = parseModel(model);
  return parsed.ok ? { ok: true, model: parsed.model } : { ok: false, problems: parsed.problems };
}
