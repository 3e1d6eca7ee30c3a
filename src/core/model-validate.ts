/**
 * Validation of a model read from storage or edited by a person. The shape is checked with zod
 * (its small build, zod/mini, with the English messages of the full build: see zod-messages.ts);
 * the rules zod cannot express (unique ids, a positive weight in every group, tie-break groups
 * that exist, descriptors inside the scale) are checked here. A problem is a value naming the
 * node and what is wrong, never an exception.
 */
import * as z from "zod/mini";
import "./zod-messages";
import { allNodes, isGroup, type Model } from "./model";

// No code generation: zod's compiled fast path probes `new Function("")`, which the add-in's
// Content-Security-Policy (no 'unsafe-eval') blocks and reports as a violation. Every module that
// parses with zod imports this one first (the store's schema included), so the setting is in force.
z.config({ jitless: true });

export type ModelProblemCode =
  | "shape"
  | "newer-version"
  | "scale"
  | "duplicate-id"
  | "weight"
  | "group-without-weight"
  | "no-criteria"
  | "tie-break-unknown"
  | "descriptor-outside-scale"
  | "tolerance"
  | "completeness";

export interface ModelProblem {
  code: ModelProblemCode;
  /** The node id or field the problem is about. */
  at: string;
  detail?: string;
  /** The cell that holds it, when the model was read from a sheet (`Modell!G5`). */
  cell?: string;
}

const text = z.object({ nb: z.string(), en: z.string() });

interface NodeShape {
  id: string;
  label: { nb: string; en: string };
  short?: { nb: string; en: string };
  weight: number;
  children?: NodeShape[];
  direction?: "higher-better" | "inverted";
  descriptors?: { score: number; text: { nb: string; en: string } }[];
  aliases?: string[];
}

const node: z.ZodMiniType<NodeShape> = z.lazy(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    label: text,
    short: z.optional(text),
    weight: z.number(),
    children: z.optional(z.array(node)),
    direction: z.optional(z.enum(["higher-better", "inverted"])),
    descriptors: z.optional(z.array(z.object({ score: z.number(), text }))),
    aliases: z.optional(z.array(z.string())),
  }),
);

export const modelSchema = z.object({
  version: z.literal(1),
  name: z.string(),
  scale: z.object({ min: z.number(), max: z.number() }),
  total: z.enum(["sum", "mean"]),
  criteria: z.array(node),
  tieBreak: z.array(z.string()),
  tolerance: z.number(),
  completeness: z.optional(z.number()),
});

/** Weights are relative; a bound keeps every weighted sum far from overflow. */
export const MAX_WEIGHT = 1e6;

/** Semantic checks on a well-shaped model. An empty list means the model can be used. */
export function validateModel(model: Model): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const { min, max } = model.scale;
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
    problems.push({ code: "scale", at: "scale", detail: `${min}–${max}` });
  }
  if (!(model.tolerance >= 0) || !Number.isFinite(model.tolerance) || model.tolerance > 0.01) {
    problems.push({ code: "tolerance", at: "tolerance", detail: String(model.tolerance) });
  }
  if (model.completeness !== undefined && !(model.completeness >= 0 && model.completeness <= 1)) {
    problems.push({ code: "completeness", at: "completeness", detail: String(model.completeness) });
  }
  if (model.criteria.length === 0) problems.push({ code: "no-criteria", at: "criteria" });

  const seen = new Set<string>();
  for (const n of allNodes(model)) {
    if (seen.has(n.id)) problems.push({ code: "duplicate-id", at: n.id });
    seen.add(n.id);
    if (!Number.isFinite(n.weight) || n.weight < 0 || n.weight > MAX_WEIGHT) problems.push({ code: "weight", at: n.id, detail: String(n.weight) });
    if (isGroup(n) && !n.children!.some((c) => c.weight > 0)) problems.push({ code: "group-without-weight", at: n.id });
    for (const d of n.descriptors ?? []) {
      if (!(d.score >= min && d.score <= max)) problems.push({ code: "descriptor-outside-scale", at: n.id, detail: String(d.score) });
    }
  }
  if (model.criteria.length > 0 && !model.criteria.some((g) => g.weight > 0)) {
    problems.push({ code: "group-without-weight", at: "criteria" });
  }
  const groupIds = new Set(allNodes(model).filter(isGroup).map((g) => g.id));
  for (const g of model.tieBreak) if (!groupIds.has(g)) problems.push({ code: "tie-break-unknown", at: g });
  return problems;
}

export type ParsedModel = { ok: true; model: Model } | { ok: false; problems: ModelProblem[] };

/** Reads a stored model (parsed JSON). Newer versions are refused, not guessed at. */
export function parseModel(data: unknown): ParsedModel {
  const version = typeof data === "object" && data !== null ? (data as { version?: unknown }).version : undefined;
  if (typeof version === "number" && version > 1) {
    return { ok: false, problems: [{ code: "newer-version", at: "version", detail: String(version) }] };
  }
  const parsed = modelSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ code: "shape" as const, at: i.path.join(".") || "model", detail: i.message })),
    };
  }
  const model = parsed.data as Model;
  const problems = validateModel(model);
  return problems.length ? { ok: false, problems } : { ok: true, model };
}
