/**
 * The invariant, tested: random sequences of a person's edits (typing, clearing and formatting
 * in and around every table, on every sheet) and the add-in's operations (recompute, create,
 * import, Synkroniser, checklist answers, orphan choices, weight and tie-break changes, a new
 * checklist) on the in-memory workbook. After every operation, every cell the add-in does not
 * own (test/property/ownership.ts: `owned`, and the exceptions a–e there) is byte-identical:
 * value (formula), number format, fill — except where the person asked for the change, or the
 * Logg records what the cell held.
 */
import fc from "fast-check";
import { ExcelController } from "../../src/excel/controller";
import { SimWorkbook } from "../../src/sim/workbook";
import type { SimSheet } from "../../src/sim/sheet";
import type { Grid } from "../../src/grid/grid";
import { defaultModel } from "../../src/core/model";
import { createLayout } from "../../src/excel/layout";
import { newStore } from "../../src/grid/store";
import { generatedRows, hostOf } from "../excel/helpers";
import { before, check, type Asked } from "./ownership";
import {
  ADDIN_KINDS,
  addinStep,
  applyAddin,
  applyPerson,
  legacySheet,
  notesSheet,
  personStep,
  TYPED,
  type AddinStep,
  type Start,
  type Step,
  type TypedKind,
} from "./person";

/**
 * Defects this test finds that are fixed on another branch. While an entry is here, the test
 * holds back the edit or relaxes the one check it names, so this branch stays green; the lead
 * empties the list after merging that branch, and the test then covers them in full.
 */
/**
 * Defects the test knows of and holds back (so the suite stays green while they are open). Each
 * entry says what fails; INVARIANT_CLOSE=key runs as if it were gone. Closed after the merge of
 * the integrity work: scoreFills (marks are conditional formats), textCopiedAsInput (text is
 * written as text, literally into Text cells), ownSheetNames (a person's namesake sheet stops the
 * add-in), groupsDeleteRanking (the Rangering table is rebuilt), actorConflict (an Aktør changed
 * in both tables is a finding; neither side is overwritten). The list is empty.
 */
type OpenKey = "scoreFills" | "textCopiedAsInput" | "ownSheetNames" | "actorConflict" | "groupsDeleteRanking";
const KNOWN_OPEN: Partial<Record<OpenKey, string>> = {};

/** The add-in's refusal when a person's sheet has one of its names (nb, the controller's language here). */
const CLASH = /^(Arket «[^»]+» har et navn|Arkene «.+» har navn) tillegget bruker, men er ikke laget av tillegget\./;

/** Operation errors that a KNOWN_OPEN entry explains. */
const OPEN_ERRORS: [OpenKey, RegExp][] = [
  ["groupsDeleteRanking", /table 'PrioRangering' \(deleted\)/],
  // Text such as «= viktig tiltak (fase 2» typed on a legacy sheet and imported, or copied to Rangering.
  ["textCopiedAsInput", /The formula ".*" isn't valid/],
];

/** INVARIANT_CLOSE=scoreFills,actorConflict runs as if those entries were gone (to check a fix before emptying the list). */
const CLOSED = new Set((process.env.INVARIANT_CLOSE ?? "").split(",").filter(Boolean));
const open = (k: OpenKey) => k in KNOWN_OPEN && !CLOSED.has(k);
const TYPED_KINDS = Object.keys(TYPED) as TypedKind[];
/** Typed kinds not typed into an ID, name or Aktør cell of Vurdering or Sjekkliste while a KNOWN_OPEN entry names them. */
const HELD_BACK_IN_NAMES: Partial<Record<TypedKind, OpenKey>> = {
  "formula-like-text": "textCopiedAsInput",
  "number-text": "textCopiedAsInput",
};
const NOT_IN_NAMES = TYPED_KINDS.filter(
  (k) => HELD_BACK_IN_NAMES[k] && open(HELD_BACK_IN_NAMES[k]!)
);
/** Operations held back while a KNOWN_OPEN entry names them. */
const HELD_BACK_OPS: Partial<Record<AddinStep["kind"], OpenKey>> = {};
const OP_KINDS = ADDIN_KINDS.filter((k) => !(HELD_BACK_OPS[k] && open(HELD_BACK_OPS[k]!)));

const CLOCK = () => new Date("2026-11-27T12:00:00Z");

/** A person's own sheet that carries a name the add-in uses. */
type Namesake = "Logg" | "PrioData" | "Rangering";
const NAMESAKES: Namesake[] = ["Logg", "PrioData", "Rangering"];
/** Namesakes held back while a KNOWN_OPEN entry names them. */
const HELD_BACK_SHEETS: Partial<Record<Namesake, OpenKey>> = { PrioData: "ownSheetNames" };

async function startWorkbook(
  start: Start,
  legacy: Grid,
  notes: Grid,
  measures: number,
  namesakes: Namesake[]
): Promise<{ wb: SimWorkbook; made: Set<SimSheet> }> {
  // A person's sheet with one of the add-in's names. In a workbook that starts with the add-in's
  // layout, such a sheet arrives after the layout (creating the layout beside it is refused), and
  // only under a name the layout has not taken (Sjekkliste, Logg …).
  const own = (names: Namesake[]) =>
    names.map((name): Grid => ({
      name,
      rows: [[{ value: "Mitt eget ark" }, { value: 7 }], [], [{ value: "Husk: møte fredag" }]],
    }));
  const grids = start === "legacy" ? [legacy, notes, ...own(namesakes)] : start === "empty" ? [notes, ...own(namesakes)] : [notes];
  const wb = SimWorkbook.fromGrids(grids);
  const persons = new Set(wb.sheets);
  if (start === "addin") {
    const rows = generatedRows(measures).map((r, i) => ({
      ...r,
      id: `T${String(i + 1).padStart(3, "0")}`,
    }));
    const created = await hostOf(wb).run((ctx) =>
      createLayout(ctx, defaultModel(), rows, newStore(defaultModel(), measures + 1), "nb")
    );
    if (!created.ok) throw new Error(created.message);
  }
  const made = new Set(wb.sheets.filter((x) => !persons.has(x)));
  if (start === "addin") {
    const later = own(namesakes.filter((n) => !wb.sheets.some((x) => x.name.toLowerCase() === n.toLowerCase())));
    // The person adds their sheets (through the API here: the in-memory workbook has no person's "new sheet").
    await hostOf(wb).run(async (ctx) => {
      for (const g of later) {
        const sheet = ctx.workbook.worksheets.add(g.name);
        sheet.getRange("A1:B1").values = [["Mitt eget ark", 7]];
        sheet.getRange("A3").values = [["Husk: møte fredag"]];
      }
      await ctx.sync();
    });
  }
  return { wb, made };
}

/** INVARIANT_RUNS and INVARIANT_SEED repeat or widen a run (e.g. INVARIANT_RUNS=5000 for a long hunt). */
const CASES = { runs: Number(process.env.INVARIANT_RUNS ?? 400), steps: { min: 4, max: 10 } };
const SEED =
  // A fixed seed by default, so a run (and CI) is repeatable; INVARIANT_SEED=… for a new hunt.
  process.env.INVARIANT_SEED !== undefined ? Number(process.env.INVARIANT_SEED) : 20261127;
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: personStep(TYPED_KINDS) },
  { weight: 1, arbitrary: addinStep(OP_KINDS) }
);
const scenario = fc.record({
  start: fc.constantFrom<Start>("empty", "legacy", "addin", "addin"),
  legacy: legacySheet,
  notes: notesSheet,
  measures: fc.integer({ min: 1, max: 3 }),
  namesakes: fc.subarray(
    NAMESAKES.filter((n) => !(HELD_BACK_SHEETS[n] && open(HELD_BACK_SHEETS[n]!))),
    { maxLength: 2 }
  ),
  steps: fc.array(step, { minLength: CASES.steps.min, maxLength: CASES.steps.max }),
});

let operations = 0;
/** Operations that did something (not refused, not unavailable in the pane's state), by kind. */
const carriedOut = new Map<string, number>();
let personSteps = 0;

test(`${CASES.runs} random sequences of ${CASES.steps.min}–${CASES.steps.max} edits and operations (about ${CASES.runs * 4} operations checked, ${CASES.runs * 3} edits; exact figures printed): every cell the add-in does not own stays as the person left it`, async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async ({ start, legacy, notes, measures, namesakes, steps }) => {
      const { wb, made } = await startWorkbook(start, legacy, notes, measures, namesakes);
      const c = new ExcelController(hostOf(wb), "nb", { clock: CLOCK });
      c.notifyChanged = () => undefined; // the sequence says when to recompute
      const done: string[] = [`start ${start}`];
      const run = async (what: () => Promise<{ what: string; asked: Asked[] }>) => {
        const b = before(wb, made);
        const { what: label, asked } = await what();
        for (const x of wb.sheets) if (!b.sheets.has(x)) made.add(x);
        done.push(label);
        operations++;
        if (!label.startsWith("(") && !label.includes("(refused")) {
          const kind = label.split(" ")[0];
          carriedOut.set(kind, (carriedOut.get(kind) ?? 0) + 1);
        }
        const problems = check(
          wb,
          b,
          asked,
          { scoreFills: open("scoreFills"), actorConflict: open("actorConflict") },
          made
        );
        const state = c.getState();
        // A person's own sheet with one of the add-in's names: the add-in must refuse to write
        // (the check above asserts it wrote nothing the person owns) and say which sheet.
        const refusedForNamesake =
          namesakes.some((n) => wb.sheets.some((x) => x.name === n && !made.has(x))) && CLASH.test(state.error ?? "");
        if (
          state.status === "error" &&
          !refusedForNamesake &&
          !OPEN_ERRORS.some(([k, re]) => open(k) && re.test(state.error ?? ""))
        )
          problems.push(`the operation failed: ${state.error}`);
        if (problems.length)
          throw new Error(`${problems.join("\n")}\nafter:\n  ${done.join("\n  ")}`);
      };
      await run(async () => {
        await c.start();
        return { what: "open the pane (recompute)", asked: [] };
      });
      for (const s of steps) {
        if (s.kind === "type" || s.kind === "format" || s.kind === "deleteChecklist") {
          done.push(await applyPerson(wb, s, NOT_IN_NAMES, !open("textCopiedAsInput")));
          personSteps++;
        } else await run(() => applyAddin(wb, c, s));
      }
    }),
    { numRuns: CASES.runs, ...(SEED !== undefined ? { seed: SEED } : {}) }
  );
  expect(operations).toBeGreaterThan(CASES.runs);
  // What was covered, for the record (e.g. 400 sequences: ~1 500 operations checked).
  console.info(
    `invariant: ${CASES.runs} sequences, ${personSteps} edits by the person, ${operations} operations checked; carried out: ${[...carriedOut].map(([k, n]) => `${k} ${n}`).join(", ")}`
  );
}, 600_000);
