/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Utvalg «Etter steg» (PlanView) over AppController.plan: the steps with their measures, «Senere»
// with the reason, a quota switched off and what that costs, and a workbook without steps. The plan
// is solved by the real core/plan.ts with HiGHS (the pane's PlanActions solve the same in a worker).
import "./setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { PlanActions, PlanLoad } from "../../src/app/app-state";
import { plan, type PlanProblem } from "../../src/core/plan";
import { highsSolver } from "../../src/solve/highs";
import PlanView from "../../src/taskpane/components/PlanView";
import { assessInputs, readMeeting, type Meeting } from "./meeting";

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
});
afterEach(cleanup);

const item = (id: string, segment: string, score: number) => ({ id, name: `Tiltak ${id}`, cost: 1000, score, requires: [], forced: null, segment });
/** A and B are Samstyre, the best two; «høyst 1 tiltak i Samstyre» in every step keeps them apart. */
const PROBLEM: PlanProblem = {
  items: [item("A", "Samstyre", 20), item("B", "Samstyre", 19), item("C", "Koordinere", 5), item("D", "Koordinere", 4)],
  steps: [
    { name: "Steg 1", budget: 2000 },
    { name: "Steg 2", budget: 1000 },
  ],
  quotas: [{ kind: "segment", name: "Samstyre", bound: "max", unit: "count", value: 1, step: null, cell: "Modell!H12" }],
};

function actions(load: PlanLoad): PlanActions & { solved: number } {
  const solver = highsSolver();
  const a = { solved: 0, load: async () => load, solve: (p: PlanProblem) => (a.solved++, plan(p, solver)) };
  return a;
}

const view = (a: PlanActions, lang: "nb" | "en" = "nb") =>
  render(
    <FluentProvider theme={webLightTheme}>
      <PlanView lang={lang} assessment={assessInputs(meeting.model, meeting.inputs)} plan={a} />
    </FluentProvider>,
  );

const placed = () => Object.fromEntries(screen.getAllByTestId("plan-row").map((r) => [r.getAttribute("data-measure-id"), r.getAttribute("data-step")]));

test("the steps and «Senere»; switching the quota off solves again and says what it costs, switching it on again takes the line away", async () => {
  const a = actions({ kind: "plan", problem: PROBLEM, findings: [] });
  view(a);
  await waitFor(() => expect(screen.getAllByTestId("plan-step")).toHaveLength(2), { timeout: 20_000 });
  expect(placed()).toEqual({ A: "Steg 1", C: "Steg 1", B: "Steg 2", D: "" });
  expect(screen.getAllByTestId("plan-step").map((s) => s.textContent)).toEqual([
    "Steg 12 tiltak · 20 av 20 MNOK · score 25,00Tiltak A1020,00Tiltak C105,00",
    "Steg 21 tiltak · 10 av 10 MNOK · score 19,00Tiltak B1019,00",
  ]);
  expect(screen.getByTestId("plan-later").getAttribute("data-count")).toBe("1");
  const rule = screen.getByTestId("plan-rule");
  expect(rule.getAttribute("data-key")).toBe("quota:0");
  expect(screen.getByText("høyst 1 tiltak i Samstyre (Modell!H12)")).toBeTruthy();
  fireEvent.click(rule);
  await waitFor(() => expect(screen.getByTestId("plan-cost")).toBeTruthy(), { timeout: 20_000 });
  expect(placed()).toEqual({ A: "Steg 1", B: "Steg 1", C: "Steg 2", D: "" });
  expect(screen.getByTestId("plan-cost").textContent).toBe("Uten denne regelen: Steg 1 +14,00, Steg 2 −14,00, 2 tiltak flyttes.");
  fireEvent.click(rule);
  await waitFor(() => expect(screen.queryByTestId("plan-cost")).toBeNull());
  expect(placed()).toEqual({ A: "Steg 1", C: "Steg 1", B: "Steg 2", D: "" });
  expect(a.solved).toBe(2);
}, 60_000);

test("without steps on Modell the view says how to add them, in bokmål and English", async () => {
  view(actions({ kind: "no-steps", findings: [] }));
  await waitFor(() => expect(screen.getByTestId("plan-message")).toBeTruthy());
  expect(screen.getByTestId("plan-message").textContent).toBe(
    "Modell har ingen stegtabell. Legg til en tabell med kolonnene Steg og Ramme (MNOK) på Modell (første steg bruker Budsjettramme), så vises planen etter steg her og på arket Veikart.",
  );
  cleanup();
  view(actions({ kind: "no-steps", findings: [] }), "en");
  await waitFor(() => expect(screen.getByTestId("plan-message")).toBeTruthy());
  expect(screen.getByTestId("plan-message").textContent).toMatch(/^Modell has no steps table\./);
});
