/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The presenter (projector) view: the message the pane builds, the page that renders it, and the
// pane's button that opens the Office dialog and keeps it following the ranking.
import "./setup";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { withWeight } from "../../src/core/model";
import { Presenter } from "../../src/presenter/Presenter";
import { presenterMessage } from "../../src/presenter/rows";
import type { PresenterMessage } from "../../src/presenter/protocol";
import type { AppState } from "../../src/app/app-state";
import { App } from "../../src/taskpane/components/App";
import { ranksOf } from "../../src/ui/movement";
import { FakeController } from "./fake-controller";
import { assessInputs, readMeeting, type Meeting } from "./meeting";

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
});
afterEach(() => {
  cleanup();
  delete (globalThis as Record<string, unknown>).Office;
});

const nytte2 = () => {
  const model = withWeight(meeting.model, "nytte", 2);
  return assessInputs(model, meeting.inputs);
};

describe("presenterMessage", () => {
  test("full names, ties as 6=, totals in the locale, bars, and no movement without a previous ranking", () => {
    const a = assessInputs(meeting.model, meeting.inputs);
    const m = presenterMessage(a, "nb", null, ranksOf(a));
    expect(m.rows.map((r) => r.rank)).toEqual(["1", "2", "3", "4", "5", "6=", "6=", "8", "9", "10", "11", "12", "13", "–"]);
    expect(m.rows[5]).toEqual({ id: "dbep.implementering-av-dbep", rank: "6=", name: "Implementering av DBEP", total: "18,2", bar: 18.166666666666668 / 30 });
    expect(m.rows[0].name).toBe("Legemidler: PLL");
    expect(m.rows[13]).toMatchObject({ rank: "–", total: "–", note: "ingen total", bar: 0 });
    expect(m.rows.some((r) => r.move)).toBe(false);
    expect(m.whatIf).toBeUndefined();
  });

  test("totals print with the decimals that keep them apart (item 4): Nytte 1,9 has 19,37 and 19,35 at places 9 and 10, not «19,4» twice", () => {
    const a = assessInputs(withWeight(meeting.model, "nytte", 1.9), meeting.inputs);
    const m = presenterMessage(a, "nb", null, ranksOf(a));
    expect(m.rows.map((r) => [r.rank, r.total])).toEqual([
      ["1", "29,50"],
      ["2", "25,63"],
      ["3", "24,63"],
      ["4", "23,88"],
      ["5", "23,72"],
      ["6", "22,75"],
      ["7", "22,37"],
      ["8", "20,43"],
      ["9", "19,37"],
      ["10", "19,35"],
      ["11", "17,83"],
      ["12", "15,25"],
      ["13", "14,05"],
      ["–", "–"],
    ]);
    // With equal weights one decimal parts them all, and the tie 6= prints one figure.
    const equal = presenterMessage(assessInputs(meeting.model, meeting.inputs), "nb", null, new Map());
    expect(equal.rows.filter((r) => r.rank === "6=").map((r) => r.total)).toEqual(["18,2", "18,2"]);
    expect(equal.captions.since).toBe("Endring siden forrige rangering");
    // One word for the figure, as the pane's Rangering and the slides call it (was «Sum» here, «Total» in English).
    expect(equal.captions.total).toBe("Score");
    expect(presenterMessage(a, "en", null, new Map()).captions.total).toBe("Score");
  });

  test("movement against the previous ranking, with its words; segments when given; English", () => {
    const before = assessInputs(meeting.model, meeting.inputs);
    const after = nytte2();
    const m = presenterMessage(after, "en", ranksOf(before), ranksOf(after), new Map([["dbep.implementering-av-dbep", "Samstyre"]]));
    const byId = new Map(m.rows.map((r) => [r.id, r]));
    expect(byId.get("dbep.implementering-av-dbep")).toMatchObject({ rank: "5", move: { by: 1, from: 6, text: "up 1 from 6" }, segment: "Samstyre" });
    expect(byId.get("dokumentdeling.legevakt-ohd")!.move).toEqual({ by: -1, from: 6, text: "down 1 from 6" });
    expect(byId.get("legemidler.pll")!.move).toBeUndefined();
    expect(m.title).toBe("Ranking");
  });
});

describe("the presenter page", () => {
  test("renders every row with rank, full name, total and the arrow with its text (not colour alone)", () => {
    const before = assessInputs(meeting.model, meeting.inputs);
    const after = nytte2();
    const msg: PresenterMessage = presenterMessage(after, "nb", ranksOf(before), ranksOf(after), undefined, "Hva om");
    render(<Presenter message={msg} waiting="venter" />);
    const rows = screen.getAllByTestId("presenter-row");
    expect(rows).toHaveLength(14);
    expect(rows[4].getAttribute("data-rank")).toBe("5");
    expect(rows[4].textContent).toContain("Implementering av DBEP");
    const move = rows[4].querySelector(".move")!;
    expect(move.textContent).toBe("↑1");
    expect(move.getAttribute("aria-label")).toBe("opp 1 fra 6");
    expect(rows[5].querySelector(".move")!.textContent).toBe("↓1");
    expect(screen.getByTestId("presenter-whatif").textContent).toBe("Hva om");
    // No segment column without a checklist.
    expect(rows[0].querySelector(".segment")).toBeNull();
  });

  test("before the first message it says it is waiting", () => {
    render(<Presenter message={null} waiting="Venter på rangeringen fra oppgaveruten …" />);
    expect(screen.getByText("Venter på rangeringen fra oppgaveruten …")).toBeTruthy();
  });
});

/** An Office with dialogs that records what the pane sends. */
function fakeOffice(messaging: boolean) {
  const sent: PresenterMessage[] = [];
  const urls: string[] = [];
  const handlers: Record<string, ((arg: { message?: string }) => void)[]> = {};
  const dialog = {
    addEventHandler: (type: string, h: (arg: { message?: string }) => void) => (handlers[type] ??= []).push(h),
    close: () => undefined,
    ...(messaging ? { messageChild: (m: string) => sent.push(JSON.parse(m) as PresenterMessage) } : {}),
  };
  (globalThis as Record<string, unknown>).Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "msg", DialogEventReceived: "event" },
    context: {
      requirements: { isSetSupported: (name: string, v: string) => messaging && name === "DialogApi" && v === "1.2" },
      ui: {
        displayDialogAsync: (url: string, _o: unknown, cb: (r: { status: string; value: unknown }) => void) => {
          urls.push(url);
          cb({ status: "succeeded", value: dialog });
        },
      },
    },
  };
  return { sent, urls, ready: () => handlers.msg.forEach((h) => h({ message: "ready" })), close: () => handlers.event.forEach((h) => h({})) };
}

function ready(patch: Partial<AppState> = {}): AppState {
  return { status: "ready", lang: "nb", assessment: assessInputs(meeting.model, meeting.inputs), model: meeting.model, busy: false, hasLegacySheets: false, ...patch };
}

describe("«Presenter» in the task pane", () => {
  test("opens presenter.html in a dialog, sends the ranking when the page is ready and again on every new assessment", () => {
    const office = fakeOffice(true);
    const c = new FakeController(ready());
    render(<App controller={c} />);
    fireEvent.click(screen.getByTestId("presenter-open"));
    expect(office.urls).toEqual(["http://localhost/presenter.html"]);
    act(() => office.ready());
    const first = office.sent[office.sent.length - 1];
    expect(first.rows[5]).toMatchObject({ rank: "6=", name: "Implementering av DBEP" });

    const model = withWeight(meeting.model, "nytte", 2);
    act(() => c.emit({ model, assessment: assessInputs(model, meeting.inputs) }));
    const last = office.sent[office.sent.length - 1];
    expect(last.rows[4]).toMatchObject({ rank: "5", name: "Implementering av DBEP", move: { by: 1, from: 6 } });
    expect(screen.queryByTestId("presenter-problem")).toBeNull();

    // The same ranks read again (a recompute after an unrelated edit): the arrows stay.
    act(() => c.emit({ assessment: assessInputs(model, meeting.inputs) }));
    expect(office.sent[office.sent.length - 1].rows[4].move).toEqual({ by: 1, from: 6, text: "opp 1 fra 6" });
    // Back to equal weights: movement against the ranking shown before.
    act(() => c.emit({ model: meeting.model, assessment: assessInputs(meeting.model, meeting.inputs) }));
    const back = office.sent[office.sent.length - 1];
    expect(back.rows[5]).toMatchObject({ rank: "6=", name: "Implementering av DBEP", move: { by: -1, from: 5 } });
  });

  test("follows the what-if ranking with its banner and movement against the weights in force", () => {
    const office = fakeOffice(true);
    render(<App controller={new FakeController(ready())} />);
    fireEvent.click(screen.getByTestId("presenter-open"));
    act(() => office.ready());
    fireEvent.click(screen.getByTestId("tab-model"));
    fireEvent.click(screen.getByTestId("whatif-start"));
    fireEvent.change(screen.getByTestId("whatif-input-nytte"), { target: { value: "2" } });
    const last = office.sent[office.sent.length - 1];
    expect(last.whatIf).toBe("Hva om: prøvde vekter, ikke lagret");
    expect(last.rows[4]).toMatchObject({ rank: "5", move: { by: 1, from: 6, text: "opp 1 fra 6" } });
    fireEvent.click(screen.getByTestId("whatif-discard"));
    const back = office.sent[office.sent.length - 1];
    expect(back.whatIf).toBeUndefined();
    expect(back.rows[5].rank).toBe("6=");
  });

  test("without DialogApi 1.2 the pane says the window will not follow", () => {
    fakeOffice(false);
    render(<App controller={new FakeController(ready())} />);
    fireEvent.click(screen.getByTestId("presenter-open"));
    expect(within(document.body).getByTestId("presenter-problem").textContent).toBe(
      "Denne Excel-versjonen kan ikke sende oppdateringer til presentasjonsvinduet (DialogApi 1.2 mangler). Lukk det og åpne det på nytt for å se endringer.",
    );
  });
});

describe("presenter strings", () => {
  test("bokmål and English have the same keys and placeholders", async () => {
    const { nbPresenter, enPresenter } = await import("../../src/i18n/presenter");
    expect(Object.keys(enPresenter).sort()).toEqual(Object.keys(nbPresenter).sort());
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(nbPresenter) as (keyof typeof nbPresenter)[]) expect([k, names(enPresenter[k])]).toEqual([k, names(nbPresenter[k])]);
  });
});
