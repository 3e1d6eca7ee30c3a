/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The facilitator's loop in the pane (issue 16, items 1–3): try → «Bruk» → try again. The real
// controller says it is busy the moment «Bruk» writes (in the click), which made React keep a
// stale snapshot of «what-if is on», so the second what-if stayed dead until a tab switch. After
// «Bruk» without a saved round, Rangering and the presenter show the movement against the
// ranking before it, whichever tab was open; the presenter always says what its arrows compare against.
import "./setup";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { withWeight } from "../../src/core/model";
import type { Baseline } from "../../src/core/movement";
import type { PresenterMessage } from "../../src/presenter/protocol";
import { endWhatIf } from "../../src/presenter/whatif-channel";
import type { AppState } from "../../src/app/app-state";
import { App, preloadViews } from "../../src/taskpane/components/App";
import { FakeController } from "./fake-controller";
import { assessInputs, readMeeting, type Meeting } from "./meeting";

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
  await preloadViews();
});
afterEach(() => {
  cleanup();
  endWhatIf();
  delete (globalThis as Record<string, unknown>).Office;
});

const DBEP = "dbep.implementering-av-dbep";

function ready(patch: Partial<AppState> = {}): AppState {
  return { status: "ready", lang: "nb", assessment: assessInputs(meeting.model, meeting.inputs), model: meeting.model, busy: false, hasLegacySheets: false, ...patch };
}

/** A controller that, like the real one, says it is busy in the same click that asks it to write. */
function busyController(state: AppState): FakeController {
  const c = new FakeController(state);
  const setWeights = c.setWeights.bind(c);
  c.setWeights = (w) => {
    c.emit({ busy: true });
    return setWeights(w);
  };
  return c;
}

/** A stub of Office's dialog (before the pane renders: it asks once whether the dialog can follow); returns every message the presenter is sent once opened. */
function stubOffice(): { sent: PresenterMessage[]; open: () => void } {
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
  const open = () => {
    fireEvent.click(screen.getByTestId("presenter-open"));
    act(() => handlers.msg.forEach((h) => h({ message: "ready" })));
  };
  return { sent, open };
}

const last = (sent: PresenterMessage[]) => sent[sent.length - 1];
const row = (m: PresenterMessage, id: string) => m.rows.find((r) => r.id === id)!;
/** What the presenter shows of a measure: [rank, total, arrow words]. */
const shows = (m: PresenterMessage, id: string) => [row(m, id).rank, row(m, id).total, row(m, id).move?.text ?? ""];

test("try → Bruk → try again: the second what-if re-ranks at once, in the pane and on the presenter (item 1)", () => {
  const c = busyController(ready());
  const { sent, open } = stubOffice();
  render(<App controller={c} />);
  open();
  fireEvent.click(screen.getByTestId("tab-model"));
  fireEvent.click(screen.getByTestId("whatif-start"));
  fireEvent.change(screen.getByTestId("whatif-input-nytte"), { target: { value: "2" } });
  expect(shows(last(sent), DBEP)).toEqual(["5", "24,33", "opp 1 fra 6"]);

  fireEvent.click(screen.getByTestId("whatif-apply"));
  expect(c.callsOf("setWeights")).toEqual([[{ nytte: 2 }]]);
  const model = withWeight(meeting.model, "nytte", 2);
  act(() => c.emit({ model, assessment: assessInputs(model, meeting.inputs), busy: false }));
  expect(last(sent).whatIf).toBeUndefined();

  // Again: «Hva om …», Nytte 3.
  fireEvent.click(screen.getByTestId("whatif-start"));
  fireEvent.change(screen.getByTestId("whatif-input-nytte"), { target: { value: "3" } });
  expect(screen.getByTestId("whatif-changed").textContent).toBe("1 vekt endret");
  expect(screen.getByTestId("whatif-bar")).toBeTruthy();
  // The tried list is there, with DBEP at its place under Nytte 3 (tied with Kritisk info: Spesialisthelsetjenesten) and the arrow against Nytte 2.
  const dbep = within(screen.getByTestId(`whatif-row-${DBEP}`));
  expect(dbep.getByTestId("whatif-rank").textContent).toBe("3=");
  expect(dbep.getByTestId("whatif-move").getAttribute("aria-label")).toBe("opp 2 fra 5");
  expect(last(sent).whatIf).toBe("Hva om: prøvde vekter, ikke lagret");
  expect(last(sent).captions.since).toBe("Endring mot vektene som gjelder");
  expect(shows(last(sent), DBEP)).toEqual(["3=", "30,5", "opp 2 fra 5"]);
});

test("after Bruk on Modell without a saved round, Rangering shows who moved, against the ranking before (item 2)", () => {
  const c = busyController(ready());
  const { sent, open } = stubOffice();
  render(<App controller={c} />);
  open();
  fireEvent.click(screen.getByTestId("tab-model"));
  fireEvent.click(screen.getByTestId("whatif-start"));
  fireEvent.change(screen.getByTestId("whatif-input-nytte"), { target: { value: "2" } });
  fireEvent.click(screen.getByTestId("whatif-apply"));
  const model = withWeight(meeting.model, "nytte", 2);
  act(() => c.emit({ model, assessment: assessInputs(model, meeting.inputs), busy: false }));
  // Rangering was not open when the ranking changed; its arrows are there all the same.
  fireEvent.click(screen.getByTestId("tab-ranking"));
  const dbepRow = screen.getAllByTestId("ranking-row").find((r) => r.getAttribute("data-measure-id") === DBEP)!;
  expect(dbepRow.getAttribute("data-rank")).toBe("5");
  expect(within(dbepRow).getByTestId("rank-move").getAttribute("data-move")).toBe("up1");
  expect(screen.getAllByTestId("rank-move").map((m) => [m.closest("[data-measure-id]")!.getAttribute("data-measure-id"), m.getAttribute("data-move")])).toEqual([
    [DBEP, "up1"],
    ["kritisk-info.kommunal-helse-og-omsorg", "down1"],
    ["dokumentdeling.legevakt-ohd", "down1"],
    ["dokumentdeling.fastleger", "up1"],
    ["dho.generiske-datadelingstjenester", "down1"],
  ]);
  // The presenter shows the same movement and says against what.
  expect(shows(last(sent), DBEP)).toEqual(["5", "24,33", "opp 1 fra 6"]);
  expect(last(sent).captions.since).toBe("Endring siden forrige rangering");
  // A recompute that changes no rank (an unrelated edit) keeps the arrows.
  act(() => c.emit({ assessment: assessInputs(model, meeting.inputs) }));
  expect(screen.getAllByTestId("rank-move")).toHaveLength(5);
});

test("the presenter states the comparison: a saved round, the weights in force while trying, the previous ranking (item 3)", () => {
  const round: Baseline = {
    roundId: "r1",
    name: "Runde 1",
    savedAt: "2024-05-02T10:00:00.000Z",
    source: "workbook",
    entries: assessInputs(meeting.model, meeting.inputs).measures.map((m) => [m.id, m.name, m.theme ?? "", m.rank]),
  };
  const c = new FakeController(ready({ baseline: round }));
  const { sent, open } = stubOffice();
  render(<App controller={c} />);
  open();
  expect(last(sent).captions.since).toBe("Endring siden «Runde 1»");
  fireEvent.click(screen.getByTestId("tab-model"));
  fireEvent.click(screen.getByTestId("whatif-start"));
  // Nothing tried yet: the ranking in force, still against the round.
  expect(last(sent).whatIf).toBeUndefined();
  expect(last(sent).captions.since).toBe("Endring siden «Runde 1»");
  fireEvent.change(screen.getByTestId("whatif-input-nytte"), { target: { value: "2" } });
  expect(last(sent).whatIf).toBe("Hva om: prøvde vekter, ikke lagret");
  expect(last(sent).captions.since).toBe("Endring mot vektene som gjelder");
  expect(shows(last(sent), DBEP)).toEqual(["5", "24,33", "opp 1 fra 6"]);
  fireEvent.click(screen.getByTestId("whatif-discard"));
  expect(last(sent).captions.since).toBe("Endring siden «Runde 1»");
  act(() => c.emit({ baseline: null, lang: "en" }));
  expect(last(sent).captions.since).toBe("Change since the previous ranking");
});
