/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// What-if weights outlive the Modell view: a tab switch keeps the tried weights and the
// presenter's what-if ranking; a bar above the tabs says so on every tab (Bruk / Forkast / Vis);
// Rangering shows the tried ranking meanwhile; a workbook edit re-ranks the tried weights on the
// new inputs. Nothing is written until «Bruk».
import "./setup";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { assess } from "../../src/core/assess";
import type { MeasureInput } from "../../src/core/aggregate";
import { withWeight } from "../../src/core/model";
import type { PresenterMessage } from "../../src/presenter/protocol";
import { currentTriedWeights, endWhatIf } from "../../src/presenter/whatif-channel";
import type { AppState } from "../../src/app/app-state";
import { App } from "../../src/taskpane/components/App";
import { rankMoves, ranksOf } from "../../src/ui/movement";
import { FakeController } from "./fake-controller";
import { assessInputs, readMeeting, type Meeting } from "./meeting";

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
});
afterEach(() => {
  cleanup();
  endWhatIf();
  delete (globalThis as Record<string, unknown>).Office;
});

function ready(patch: Partial<AppState> = {}): AppState {
  return { status: "ready", lang: "nb", assessment: assessInputs(meeting.model, meeting.inputs), model: meeting.model, busy: false, hasLegacySheets: false, ...patch };
}

const writes = (c: FakeController) => c.calls.filter((x) => ["setWeight", "setWeights", "resetWeights", "setTieBreak"].includes(x.name));

/** The what-if list shown (panel or Rangering) as [measure id, rank label, arrow]. */
function tried(): [string, string, string][] {
  return within(screen.getByTestId("whatif-ranking"))
    .getAllByRole("listitem")
    .map((li) => [li.getAttribute("data-testid")!.replace("whatif-row-", ""), li.children[0].textContent!, li.children[3].textContent!]);
}

/** The expected list: the inputs assessed under the tried weights, with the arrows against the weights in force. */
function expected(weights: Record<string, number>, inputs: MeasureInput[]): [string, string, string][] {
  let model = meeting.model;
  for (const [id, w] of Object.entries(weights)) model = withWeight(model, id, w);
  const inForce = assess(meeting.model, inputs);
  const a = assess(model, inputs);
  const moves = rankMoves(ranksOf(inForce), ranksOf(a));
  return a.measures.map((m) => {
    const mv = moves.get(m.id);
    return [m.id, m.rank === null ? "–" : `${m.rank}${a.measures.filter((x) => x.rank === m.rank).length > 1 ? "=" : ""}`, mv ? `${mv.by > 0 ? "↑" : "↓"}${Math.abs(mv.by)}` : ""];
  });
}

function startWithNytte2(state: AppState = ready()): FakeController {
  const c = new FakeController(state);
  render(<App controller={c} />);
  fireEvent.click(screen.getByTestId("tab-model"));
  fireEvent.click(screen.getByTestId("whatif-start"));
  fireEvent.change(screen.getByTestId("whatif-input-nytte"), { target: { value: "2" } });
  return c;
}

test("switching to Rangering and Funn and back keeps the tried weights; Rangering shows the tried ranking under the bar", () => {
  const c = startWithNytte2();
  const nytte2 = expected({ nytte: 2 }, meeting.inputs);
  expect(tried()).toEqual(nytte2);
  expect(nytte2.find((r) => r[0] === "dbep.implementering-av-dbep")).toEqual(["dbep.implementering-av-dbep", "5", "↑1"]);

  fireEvent.click(screen.getByTestId("tab-ranking"));
  expect(screen.getByTestId("whatif-bar").textContent).toContain("Hva om: vektene er prøvd ut, ikke skrevet til arbeidsboken.");
  expect(screen.getByTestId("whatif-bar-changed").textContent).toBe("1 vekt endret");
  // Rangering lists the tried ranking, with movement against the weights in force, not the workbook's ranking.
  expect(screen.getByTestId("whatif-ranking-tab")).toBeTruthy();
  expect(screen.queryAllByTestId("ranking-row")).toHaveLength(0);
  expect(tried()).toEqual(nytte2);
  expect(within(screen.getByTestId("whatif-row-dbep.implementering-av-dbep")).getByTestId("whatif-move").getAttribute("aria-label")).toBe("opp 1 fra 6");

  fireEvent.click(screen.getByTestId("tab-findings"));
  expect(screen.getByTestId("whatif-bar")).toBeTruthy();
  expect(screen.getAllByTestId("finding").length).toBeGreaterThan(0);

  fireEvent.click(screen.getByTestId("tab-model"));
  expect((screen.getByTestId("whatif-input-nytte") as HTMLInputElement).value).toBe("2");
  expect(screen.getByTestId("whatif-changed").textContent).toBe("1 vekt endret");
  expect(tried()).toEqual(nytte2);
  expect(currentTriedWeights()).toEqual({ nytte: 2 });
  expect(writes(c)).toEqual([]);
});

test("«Vis» opens the weights in Modell; «Forkast» in the bar ends what-if from any tab and writes nothing", () => {
  const c = startWithNytte2();
  fireEvent.click(screen.getByTestId("tab-findings"));
  fireEvent.click(screen.getByTestId("whatif-bar-show"));
  expect(screen.getByTestId("tab-model").getAttribute("aria-selected")).toBe("true");
  expect((screen.getByTestId("whatif-input-nytte") as HTMLInputElement).value).toBe("2");

  fireEvent.click(screen.getByTestId("tab-ranking"));
  fireEvent.click(screen.getByTestId("whatif-bar-discard"));
  expect(screen.queryByTestId("whatif-bar")).toBeNull();
  // Rangering is the workbook's ranking again: DBEP tied at 6.
  const dbep = screen.getAllByTestId("ranking-row").find((r) => r.getAttribute("data-measure-id") === "dbep.implementering-av-dbep")!;
  expect(dbep.getAttribute("data-rank")).toBe("6=");
  expect(currentTriedWeights()).toBeNull();
  fireEvent.click(screen.getByTestId("tab-model"));
  expect(screen.queryByTestId("whatif")).toBeNull();
  expect((screen.getByTestId("weight-input-nytte") as HTMLInputElement).value).toBe("1");
  expect(writes(c)).toEqual([]);
});

test("«Bruk» in the bar, from Rangering, writes the changed weights in one setWeights call and ends what-if", () => {
  const c = startWithNytte2();
  fireEvent.change(screen.getByTestId("whatif-input-kost"), { target: { value: "0,5" } });
  fireEvent.click(screen.getByTestId("tab-ranking"));
  expect(writes(c)).toEqual([]);
  fireEvent.click(screen.getByTestId("whatif-bar-apply"));
  expect(writes(c)).toEqual([{ name: "setWeights", args: [{ kost: 0.5, nytte: 2 }] }]);
  expect(screen.queryByTestId("whatif-bar")).toBeNull();
  expect(screen.getAllByTestId("ranking-row").length).toBe(13);
});

test("an edit in the workbook while weights are tried keeps them and re-ranks them on the new inputs", () => {
  const c = startWithNytte2();
  fireEvent.click(screen.getByTestId("tab-ranking"));
  // Dokumentdeling: Fastleger gets 10 on every question it had scored.
  const edited = meeting.inputs.map((m) =>
    m.id === "dokumentdeling.fastleger" ? { ...m, scores: Object.fromEntries(Object.entries(m.scores).map(([k, v]) => [k, { ...v, value: 10 }])) } : m,
  );
  act(() => c.emit({ assessment: assessInputs(meeting.model, edited) }));
  const now = expected({ nytte: 2 }, edited);
  expect(now[0]).toEqual(["dokumentdeling.fastleger", "1", ""]);
  expect(tried()).toEqual(now);
  expect(currentTriedWeights()).toEqual({ nytte: 2 });
  fireEvent.click(screen.getByTestId("tab-model"));
  expect((screen.getByTestId("whatif-input-nytte") as HTMLInputElement).value).toBe("2");
  expect(tried()).toEqual(now);
  expect(writes(c)).toEqual([]);
});

test("the presenter keeps the what-if ranking across tab switches and goes back on «Forkast»", () => {
  const sent: PresenterMessage[] = [];
  const handlers: Record<string, ((arg: { message?: string }) => void)[]> = {};
  const dialog = {
    addEventHandler: (type: string, h: (arg: { message?: string }) => void) => (handlers[type] ??= []).push(h),
    close: () => undefined,
    messageChild: (m: string) => sent.push(JSON.parse(m) as PresenterMessage),
  };
  (globalThis as Record<string, unknown>).Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "msg", DialogEventReceived: "event" },
    context: {
      requirements: { isSetSupported: (name: string, v: string) => name === "DialogApi" && v === "1.2" },
      ui: { displayDialogAsync: (_u: string, _o: unknown, cb: (r: { status: string; value: unknown }) => void) => cb({ status: "succeeded", value: dialog }) },
    },
  };
  const c = new FakeController(ready());
  render(<App controller={c} />);
  fireEvent.click(screen.getByTestId("presenter-open"));
  act(() => handlers.msg.forEach((h) => h({ message: "ready" })));
  fireEvent.click(screen.getByTestId("tab-model"));
  fireEvent.click(screen.getByTestId("whatif-start"));
  fireEvent.change(screen.getByTestId("whatif-input-nytte"), { target: { value: "2" } });
  const dbep = (m: PresenterMessage) => m.rows.find((r) => r.id === "dbep.implementering-av-dbep")!;
  for (const tab of ["tab-ranking", "tab-findings", "tab-model", "tab-ranking"]) {
    fireEvent.click(screen.getByTestId(tab));
    const last = sent[sent.length - 1];
    expect([tab, last.whatIf, dbep(last).rank, dbep(last).move?.text]).toEqual([tab, "Hva om: prøvde vekter, ikke lagret", "5", "opp 1 fra 6"]);
  }
  fireEvent.click(screen.getByTestId("whatif-bar-discard"));
  const back = sent[sent.length - 1];
  expect(back.whatIf).toBeUndefined();
  expect(dbep(back).rank).toBe("6=");
  expect(writes(c)).toEqual([]);
});

test("in English", () => {
  startWithNytte2(ready({ lang: "en" }));
  fireEvent.click(screen.getByTestId("tab-ranking"));
  const bar = screen.getByTestId("whatif-bar");
  expect(within(bar).getByTestId("whatif-bar-apply").textContent).toBe("Apply");
  expect(within(bar).getByTestId("whatif-bar-discard").textContent).toBe("Discard");
  expect(within(bar).getByTestId("whatif-bar-show").textContent).toBe("Show");
  expect(bar.textContent).toContain("What if: the weights are tried, not written to the workbook.");
  expect(screen.getByTestId("whatif-ranking-tab").textContent).toContain("Ranking with the tried weights");
});
