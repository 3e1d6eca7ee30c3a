/**
 * The minimum list's part of `prio sensitivity`: when Modell sets a budget frame, for every group
 * weight (every node with --all) the interval in which the minimum list (and the plus list) keeps
 * the same measures, and what enters and leaves at each end (src/core/selection-stability.ts).
 * Loaded with a dynamic import only for such a workbook, so the command's start-up and a workbook
 * without a frame do not pay for the selection or HiGHS.
 *
 * JSON keys added to sensitivity's: "minimumList" (and "plusList" with a minimum frame):
 * [{"group", "weight", "status", "lower", "upper", "atLower": {"enters": [ids], "leaves": [ids]} | null, "atUpper"}],
 * lower/upper null when the status is not "ok"; or "minimumListStatus": "infeasible" | "failed".
 */
import type { Assessment } from "../core/assess";
import { findNode } from "../core/model";
import { listStability, type ListInterval, type NodeListStability } from "../core/selection-stability";
import type { Grid } from "../grid/grid";
import { readSelectionInputs } from "../grid/selection-inputs";
import type { WorkbookRead } from "../grid/workbook";
import type { Lang } from "../i18n";
import { listNow, mst, nodeLines } from "../i18n/minimum-stability";
import { highsSolver } from "../solve/highs";
import { problemWithFrames } from "./frames";

export interface ListPart {
  json: Record<string, unknown>;
  lines: string[];
}

/** Null when the workbook has no cost column or no frame (nothing to say). */
export async function listStabilityPart(
  grids: Grid[],
  read: Extract<WorkbookRead, { kind: "addin" }>,
  assessment: Assessment,
  lang: Lang,
  allNodes: boolean,
  nameOf: (id: string) => string,
): Promise<ListPart | null> {
  const inputs = readSelectionInputs(grids, read);
  if (!inputs.columns.cost) return null;
  const problem = problemWithFrames(inputs);
  if (!problem) return null;
  const r = await listStability(assessment, problem, highsSolver(), { allNodes });
  const lines = ["", mst(lang, "cli.heading"), mst(lang, "cli.intro")];
  if (r.status !== "ok") {
    lines.push(`  ${mst(lang, "cli.failed", { status: r.status })}`);
    return { json: { minimumListStatus: r.status }, lines };
  }
  const labelOf = (id: string) => findNode(assessment.model, id)?.label[lang] ?? id;
  lines.push(`  ${listNow(lang, "now", r.minimum, nameOf)}`);
  if (r.plus) lines.push(`  ${listNow(lang, "plusNow", r.plus, nameOf)}`);
  for (const n of r.nodes) for (const line of nodeLines(lang, labelOf(n.nodeId), n, nameOf)) lines.push(`  ${line}`);
  const entry = (n: NodeListStability, i: ListInterval | null) => ({
    group: labelOf(n.nodeId),
    weight: n.weight,
    status: n.status,
    lower: i?.lower ?? null,
    upper: i?.upper ?? null,
    atLower: i?.atLower ?? null,
    atUpper: i?.atUpper ?? null,
  });
  const json: Record<string, unknown> = { minimumList: r.nodes.map((n) => entry(n, n.status === "ok" ? n.minimum : null)) };
  if (r.plus) json.plusList = r.nodes.map((n) => entry(n, n.status === "ok" ? n.plus : null));
  return { json, lines };
}
