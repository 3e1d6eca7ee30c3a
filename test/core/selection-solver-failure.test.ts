/**
 * A solver's failure reaches a person as a plain sentence, never as the solver's own text: HiGHS
 * refusing a program (its LP reader on a coefficient of 1e22: «Unable to read LP model (see
 * http://…). HiGHS error -1»), running out of time, or not loading. src/solve/highs.ts answers with
 * the cause; `select` and `listStability` turn it into selection-solver-failed with only that cause.
 */
import { select } from "../../src/core/select";
import type { SelectionItem } from "../../src/core/selection-problem";
import type { BinarySolver } from "../../src/core/selection-solver";
import { selectionFindingMessage } from "../../src/i18n/selection";
import { highsSolver } from "../../src/solve/highs";

const item = (id: string, cost: number, score: number): SelectionItem => ({ id, name: `Tiltak ${id}`, cost, score, requires: [], forced: null });
const lists = { entryBudgets: false, frontier: false } as const;

test("HiGHS refusing a program is a failed answer with its cause, not a throw; the finding says so in plain words", async () => {
  // Costs no reader of the workbook lets through (grid/selection-inputs.ts stops them at 1 000 000 MNOK), given to core directly.
  const r = await select({ items: [item("A", 1e22, 5), item("B", 300, 4)], budget: 1e22 }, highsSolver(), lists);
  expect(r.status).toBe("failed");
  expect(r.findings.map((f) => [f.code, f.params])).toEqual([["selection-solver-failed", { cause: "error" }]]);
  expect(selectionFindingMessage(r.findings[0], "nb")).toBe(
    "Utvalget kunne ikke beregnes: regneverktøyet for utvalget ga ikke noe brukbart svar. Ingen liste er vist; prøv igjen, og meld fra om feilen hvis den gjentar seg.",
  );
  expect(selectionFindingMessage(r.findings[0], "en")).toBe("The selection could not be computed: the selection's solver gave no usable answer. No list is shown; try again, and report the error if it recurs.");
});

test.each([
  ["load", "Utvalget kunne ikke beregnes: regneverktøyet for utvalget kunne ikke lastes. Ingen liste er vist; prøv igjen, og meld fra om feilen hvis den gjentar seg."],
  ["time", "Utvalget kunne ikke beregnes: regningen tok for lang tid og ble stoppet. Ingen liste er vist; prøv igjen, og meld fra om feilen hvis den gjentar seg."],
] as const)("a solver that fails (%s) with its own text: the text stays out of the finding", async (cause, message) => {
  const failing: BinarySolver = { solve: () => Promise.resolve({ status: "failed", cause, detail: "Unable to read LP model (see http://web.mit.edu/lpsolve/doc/CPLEX-format.htm). HiGHS error -1" }) };
  // Three equal measures of which two fit, at costs the forest's dynamic program does not take (not whole MNOK):
  // no bound settles them and no exact shortcut answers, so the program reaches the solver.
  const r = await select({ items: [item("A", 100.5, 5), item("B", 100.5, 5), item("C", 100.5, 5)], budget: 201 }, failing, lists);
  expect(r.findings.map((f) => [f.code, f.params])).toEqual([["selection-solver-failed", { cause }]]);
  expect(selectionFindingMessage(r.findings[0], "nb")).toBe(message);
});
