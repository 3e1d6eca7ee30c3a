/**
 * The model and store are validated with zod/mini (a fifth of the full build in the task pane's
 * bundle). The problems it reports — path and message — are those the full build reported, on
 * random damage to a valid model and store: a value of another type, a field removed, a number
 * where a whole number belongs.
 */
import fc from "fast-check";
import { z as full } from "zod";
import { defaultModel } from "../../src/core/model";
import { modelSchema } from "../../src/core/model-validate";
import { storeSchema, newStore } from "../../src/grid/store";

// The schemas as they were written with the full build.
const text = full.object({ nb: full.string(), en: full.string() });
const node: full.ZodType = full.lazy(() =>
  full.object({
    id: full.string().min(1),
    label: text,
    short: text.optional(),
    weight: full.number(),
    children: full.array(node).optional(),
    direction: full.enum(["higher-better", "inverted"]).optional(),
    descriptors: full.array(full.object({ score: full.number(), text })).optional(),
    aliases: full.array(full.string()).optional(),
  }),
);
const fullModel = full.object({
  version: full.literal(1),
  name: full.string(),
  scale: full.object({ min: full.number(), max: full.number() }),
  total: full.enum(["sum", "mean"]),
  criteria: full.array(node),
  tieBreak: full.array(full.string()),
  tolerance: full.number(),
  completeness: full.number().optional(),
});
const fullStore = full.object({
  format: full.number().int(),
  model: full.unknown(),
  nextId: full.number().int().nonnegative(),
  checklist: full
    .object({
      known: full.array(full.string()),
      names: full.record(full.string(), full.string()),
      actors: full.record(full.string(), full.string()),
      last: full.record(full.string(), full.object({ segment: full.string(), answers: full.record(full.string(), full.boolean().nullable()) })),
    })
    .default({ known: [], names: {}, actors: {}, last: {} }),
});

type Issues = { path: PropertyKey[]; message: string; code: string }[];
const issues = (r: { success: boolean; error?: { issues: Issues } }) => (r.success ? [] : r.error!.issues.map((i) => ({ path: i.path, message: i.message, code: i.code })));

/** Paths into a JSON value (objects and arrays), to damage one place. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== "object") return [prefix];
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [prefix, ...keys.flatMap((k) => paths((v as Record<string | number, unknown>)[k], [...prefix, k]))];
}

function damaged(base: unknown, at: (string | number)[], value: unknown, remove: boolean): unknown {
  const copy = JSON.parse(JSON.stringify(base));
  if (at.length === 0) return remove ? undefined : value;
  let o = copy;
  for (const k of at.slice(0, -1)) o = o[k];
  if (remove) delete o[at[at.length - 1]];
  else o[at[at.length - 1]] = value;
  return copy;
}

const replacement = fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant([]), fc.constant({}), fc.constant(-3), fc.constant(2.5));

test("a damaged model gets the same problems, path and message, as with the full build", () => {
  const model = defaultModel();
  const all = paths(model);
  fc.assert(
    fc.property(fc.constantFrom(...all), replacement, fc.boolean(), (at, value, remove) => {
      const data = damaged(model, at, value, remove);
      expect(issues(modelSchema.safeParse(data) as never)).toEqual(issues(fullModel.safeParse(data) as never));
    }),
    { numRuns: 1500 },
  );
  // A good model passes both, and a wrong version or kind is named in the same words.
  expect(modelSchema.safeParse(model).success).toBe(true);
  expect(issues(modelSchema.safeParse({ ...model, total: "median" }) as never)[0].message).toBe('Invalid option: expected one of "sum"|"mean"');
});

test("a damaged store gets the same problems as with the full build, and the checklist memory defaults the same", () => {
  const store = { ...newStore(defaultModel(), 7), checklist: { known: ["T001"], names: { T001: "PLL" }, actors: { T001: "" }, last: { T001: { segment: "Samstyre", answers: { q1: true, q2: null } } } } };
  const all = paths(store).filter((p) => p[0] !== "model");
  fc.assert(
    fc.property(fc.constantFrom(...all), replacement, fc.boolean(), (at, value, remove) => {
      const data = damaged(store, at, value, remove);
      const mini = storeSchema.safeParse(data);
      const f = fullStore.safeParse(data);
      expect(issues(mini as never)).toEqual(issues(f as never));
      if (mini.success && f.success) expect(mini.data).toEqual(f.data);
    }),
    { numRuns: 1500 },
  );
  expect(issues(storeSchema.safeParse({ format: 1, model: {}, nextId: 1.5 }) as never)).toEqual([{ path: ["nextId"], message: "Invalid input: expected int, received number", code: "invalid_type" }]);
});
