/**
 * @jest-environment jsdom
 */
import "./setup";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { AppState } from "../../src/app/app-state";
import { App } from "../../src/taskpane/components/App";
import { idOf, portfolio, question, readyState, withAnswers, type TestMeasure } from "./checklist-workbook";
import { FakeController } from "./fake-controller";

afterEach(cleanup);

const AKSON_JOURNAL = idOf("Akson - journal");
const DIGI_UNG = idOf("DIGI-UNG");
const KURVE = idOf("Regional kurve og medikasjon");
const ROBUST = idOf("Robust Mobilt Helsenett");

let measures: TestMeasure[];
let state: AppState;
beforeAll(() => {
  measures = portfolio();
  state = readyState({ measures });
});

function openChecklist(s: AppState = state): FakeController {
  const controller = new FakeController(s);
  render(<App controller={controller} />);
  fireEvent.click(screen.getByTestId("tab-checklist"));
  return controller;
}

function pick(id: string): void {
  const item = screen.getAllByTestId("checklist-measure").find((el) => el.getAttribute("data-measure-id") === id);
  if (!item) throw new Error(`no checklist-measure ${id}`);
  fireEvent.click(item);
}

function search(text: string): void {
  const el = screen.getByTestId("checklist-search");
  fireEvent.change(el instanceof HTMLInputElement ? el : el.querySelector("input")!, { target: { value: text } });
}

const result = () => screen.getByTestId("checklist-result");
const pressed = (testId: string) => screen.getByTestId(testId).getAttribute("aria-pressed");
const reached = (q: string) => screen.getByTestId(`checklist-question-${q}`).getAttribute("data-reached");

describe("the Sjekkliste tab", () => {
  test("is there with a checklist; in the ready state without one it offers «Opprett sjekkliste»", () => {
    const { checklist: _none, ...without } = state;
    const controller = openChecklist(without);
    expect(screen.getByTestId("checklist-empty").textContent).toContain("Ingen sjekkliste ennå");
    fireEvent.click(screen.getByTestId("create-checklist"));
    expect(controller.callsOf("createChecklist")).toEqual([[]]);
    expect(screen.getByTestId("create-checklist").textContent).toBe("Opprett sjekkliste");

    // The controller's next state has the checklist: the view replaces the offer.
    act(() => controller.emit({ checklist: state.checklist }));
    expect(screen.queryByTestId("checklist-empty")).toBeNull();
    expect(screen.getByTestId("checklist-summary")).toBeTruthy();
  });

  test("is not offered in the legacy preview", () => {
    const { checklist: _none, ...without } = state;
    render(<App controller={new FakeController({ ...without, status: "legacy", hasLegacySheets: true })} />);
    expect(screen.queryByTestId("tab-checklist")).toBeNull();
  });

  test("the summary strip counts the segments, Ut and ikke vurdert from the controller's summary", () => {
    openChecklist();
    const strip = screen.getByTestId("checklist-summary");
    const count = (k: string) => within(strip).getByTestId(`summary-${k}`).getAttribute("data-count");
    expect([count("Samstyre"), count("Koordinere"), count("Inspirere"), count("Observere"), count("ut"), count("ikke-vurdert")]).toEqual(["6", "4", "3", "2", "1", "2"]);
    expect(within(strip).getByTestId("summary-Samstyre").textContent).toBe("6Samstyre");
    expect(within(strip).getByTestId("summary-ikke-vurdert").textContent).toBe("2ikke vurdert");
    // 6·4 + 4·2 + 3·1 + 2·2 = 39
    expect(within(strip).getByTestId("summary-reports").textContent).toBe("39 rapporteringer i året");
  });

  test("one list item per measure in the checklist's order, with its placement; the search narrows it", () => {
    openChecklist();
    const items = screen.getAllByTestId("checklist-measure");
    expect(items.map((i) => i.getAttribute("data-measure-id"))).toEqual(state.checklist!.entries.map((e) => e.id));
    const seg = (id: string) => items.find((i) => i.getAttribute("data-measure-id") === id)!.getAttribute("data-segment");
    expect([seg(AKSON_JOURNAL), seg(DIGI_UNG), seg(KURVE), seg(ROBUST)]).toEqual(["Koordinere", "ut", "ikke-vurdert", "ikke-vurdert"]);
    // The first measure is shown until another is picked.
    expect(screen.getByTestId("checklist-panel").getAttribute("data-measure-id")).toBe(idOf("Akson - forberedelse"));

    search("akson jour");
    expect(screen.getAllByTestId("checklist-measure").map((i) => i.getAttribute("data-measure-id"))).toEqual([AKSON_JOURNAL]);
    search("pakkeforlop");
    expect(screen.getAllByTestId("checklist-measure")).toHaveLength(3);
    search("finnes ikke");
    expect(screen.getByTestId("checklist-search-none").textContent).toBe("Ingen tiltak passer søket.");
  });
});

describe("answering the questions for a measure", () => {
  test("picking «Akson - journal» shows Koordinere, 2 ganger i året, and the six questions in the rule's order", () => {
    openChecklist();
    pick(AKSON_JOURNAL);
    expect(screen.getByTestId("checklist-name").textContent).toBe("Akson - journal");
    expect(result().getAttribute("data-segment")).toBe("Koordinere");
    expect(result().getAttribute("data-entry")).toBe("inn");
    expect(result().getAttribute("data-pending")).toBe("false");
    expect(within(result()).getByTestId("result-entry").textContent).toBe("Inn");
    expect(within(result()).getByTestId("result-segment").textContent).toBe("Koordinere");
    expect(within(result()).getByTestId("result-why").textContent).toBe(`Ja på spørsmål 5 «${question("koordinere")}»`);
    expect(within(result()).getByTestId("result-reporting").textContent).toBe("2 ganger i året: avhengigheter");

    const significance = screen.getByTestId("checklist-group-significance");
    const segment = screen.getByTestId("checklist-group-segment");
    expect(within(significance).getByRole("heading").textContent).toBe("Nasjonal betydning");
    expect(within(segment).getByRole("heading").textContent).toBe("Segment");
    const order = (el: HTMLElement) => within(el).getAllByRole("listitem").map((li) => li.getAttribute("data-testid"));
    expect(order(significance)).toEqual(["digitaliseringVesentlig", "flereAktorer", "gjenbrukEllerDeling"].map((q) => `checklist-question-${q}`));
    expect(order(segment)).toEqual(["samstyre", "koordinere", "inspirere"].map((q) => `checklist-question-${q}`));
    expect(screen.getByTestId("checklist-question-gjenbrukEllerDeling").textContent).toContain(question("gjenbrukEllerDeling"));

    // The answers of the row: Ja Ja Ja, Nei Ja Nei.
    expect(["digitaliseringVesentlig", "flereAktorer", "gjenbrukEllerDeling", "koordinere"].map((q) => pressed(`answer-${q}-ja`))).toEqual(["true", "true", "true", "true"]);
    expect([pressed("answer-samstyre-nei"), pressed("answer-samstyre-ja"), pressed("answer-samstyre-blank"), pressed("answer-inspirere-nei")]).toEqual(["true", "false", "false", "true"]);
    // Koordinere's Ja decides: Inspirere no longer matters, and says so.
    expect([reached("samstyre"), reached("koordinere"), reached("inspirere")]).toEqual(["true", "true", "false"]);
    expect(screen.getByTestId("unreached-inspirere").textContent).toBe("Påvirker ikke resultatet nå, fordi Ja på spørsmål 5 gir Koordinere. Kan likevel besvares.");
  });

  test("Samstyre «Ja» calls setAnswer and shows Samstyre at once, before the controller says anything", () => {
    const controller = openChecklist();
    pick(AKSON_JOURNAL);
    fireEvent.click(screen.getByTestId("answer-samstyre-ja"));
    expect(controller.callsOf("setAnswer")).toEqual([[AKSON_JOURNAL, "samstyre", true]]);
    expect(result().getAttribute("data-segment")).toBe("Samstyre");
    expect(result().getAttribute("data-pending")).toBe("true");
    expect(within(result()).getByTestId("result-reporting").textContent).toBe("4 ganger i året: status og risiko");
    expect(screen.getByTestId("checklist-saving").textContent).toBe("Lagres i arbeidsboken …");
    expect([pressed("answer-samstyre-ja"), pressed("answer-samstyre-nei")]).toEqual(["true", "false"]);
    // After Samstyre = Ja the rule stops: Koordinere and Inspirere are dimmed but still answerable.
    expect([reached("samstyre"), reached("koordinere"), reached("inspirere")]).toEqual(["true", "false", "false"]);
    expect(screen.getByTestId("unreached-koordinere").textContent).toContain("fordi Ja på spørsmål 4 gir Samstyre");
    // The summary counts the pending answer too, and so does the list.
    expect(screen.getByTestId("summary-Samstyre").getAttribute("data-count")).toBe("7");
    expect(screen.getByTestId("summary-Koordinere").getAttribute("data-count")).toBe("3");

    // The controller's state arrives (the workbook read again with the answer): it replaces the local one.
    const after = readyState({ measures: withAnswers(measures, AKSON_JOURNAL, { samstyre: true }) });
    act(() => controller.emit({ busy: true }));
    expect(result().getAttribute("data-pending")).toBe("true");
    act(() => controller.emit({ checklist: after.checklist, assessment: after.assessment, busy: false }));
    expect(result().getAttribute("data-segment")).toBe("Samstyre");
    expect(result().getAttribute("data-pending")).toBe("false");
    expect(screen.queryByTestId("checklist-saving")).toBeNull();
    expect(screen.getByTestId("summary-Samstyre").getAttribute("data-count")).toBe("7");
  });

  test("when the controller's state does not confirm the answer, its state wins once the write is done", async () => {
    const controller = openChecklist();
    controller.hold();
    pick(AKSON_JOURNAL);
    fireEvent.click(screen.getByTestId("answer-samstyre-ja"));
    expect(result().getAttribute("data-segment")).toBe("Samstyre");
    // A state from before the write (e.g. a recompute after another edit) does not undo the answer under way.
    const unchanged = readyState({ measures });
    act(() => controller.emit({ checklist: unchanged.checklist }));
    expect(result().getAttribute("data-segment")).toBe("Samstyre");
    expect(result().getAttribute("data-pending")).toBe("true");
    // The write finishes, and the workbook still says Nei (someone changed the cell back): the workbook wins.
    await act(async () => controller.release());
    act(() => controller.emit({ checklist: readyState({ measures }).checklist }));
    expect(result().getAttribute("data-segment")).toBe("Koordinere");
    expect(result().getAttribute("data-pending")).toBe("false");
    expect(pressed("answer-samstyre-nei")).toBe("true");
  });

  test("answers in quick succession all show while their writes are under way", async () => {
    const controller = openChecklist();
    controller.hold();
    pick(AKSON_JOURNAL);
    fireEvent.click(screen.getByTestId("answer-koordinere-nei"));
    expect(result().getAttribute("data-segment")).toBe("Observere");
    fireEvent.click(screen.getByTestId("answer-inspirere-ja"));
    expect(result().getAttribute("data-segment")).toBe("Inspirere");
    // The first write lands and the controller emits its state with only that answer.
    const first = readyState({ measures: withAnswers(measures, AKSON_JOURNAL, { koordinere: false }) });
    act(() => controller.emit({ checklist: first.checklist }));
    expect(result().getAttribute("data-segment")).toBe("Inspirere");
    await act(async () => controller.release());
    const both = readyState({ measures: withAnswers(measures, AKSON_JOURNAL, { koordinere: false, inspirere: true }) });
    act(() => controller.emit({ checklist: both.checklist }));
    expect(result().getAttribute("data-segment")).toBe("Inspirere");
    expect(result().getAttribute("data-pending")).toBe("false");
    expect(controller.callsOf("setAnswer")).toEqual([
      [AKSON_JOURNAL, "koordinere", false],
      [AKSON_JOURNAL, "inspirere", true],
    ]);
  });

  test("a write that fails drops its answer and says so", async () => {
    const controller = openChecklist();
    controller.hold();
    pick(AKSON_JOURNAL);
    fireEvent.click(screen.getByTestId("answer-samstyre-ja"));
    expect(result().getAttribute("data-segment")).toBe("Samstyre");
    await act(async () => controller.release(new Error("Arket Sjekkliste er beskyttet.")));
    expect(result().getAttribute("data-segment")).toBe("Koordinere");
    expect(screen.getByTestId("action-failure").textContent).toContain("Arket Sjekkliste er beskyttet.");
  });

  test("clearing an answer shows «ikke vurdert» and names the unanswered question", () => {
    const controller = openChecklist();
    pick(AKSON_JOURNAL);
    fireEvent.click(screen.getByTestId("answer-koordinere-blank"));
    expect(controller.callsOf("setAnswer")).toEqual([[AKSON_JOURNAL, "koordinere", null]]);
    expect(result().getAttribute("data-segment")).toBe("ikke-vurdert");
    expect(result().getAttribute("data-entry")).toBe("inn");
    expect(within(result()).getByTestId("result-segment").textContent).toBe("ikke vurdert");
    expect(within(result()).getByTestId("result-why").textContent).toBe(`Ikke vurdert: spørsmål 5 «${question("koordinere")}» er ikke besvart.`);
    // The question it names is marked in the list.
    expect(screen.getByTestId("checklist-question-koordinere").getAttribute("data-blocking")).toBe("true");
    expect(within(result()).getByTestId("result-reporting").textContent).toBe("Avgjøres når segmentet er vurdert.");
    expect(pressed("answer-koordinere-blank")).toBe("true");
    // An unanswered question does not make the later ones moot: Inspirere may still decide.
    expect(reached("inspirere")).toBe("true");
  });

  test("a Nei on a national-significance question gives Ut; the segment questions no longer matter but can be answered", () => {
    const controller = openChecklist();
    pick(AKSON_JOURNAL);
    fireEvent.click(screen.getByTestId("answer-digitaliseringVesentlig-nei"));
    expect(controller.callsOf("setAnswer")).toEqual([[AKSON_JOURNAL, "digitaliseringVesentlig", false]]);
    expect(result().getAttribute("data-segment")).toBe("ut");
    expect(result().getAttribute("data-entry")).toBe("ut");
    expect(within(result()).getByTestId("result-entry").textContent).toBe("Ut");
    expect(within(result()).queryByTestId("result-segment")).toBeNull();
    expect(within(result()).getByTestId("result-why").textContent).toBe(`Ut fordi svaret er Nei på spørsmål 1 «${question("digitaliseringVesentlig")}».`);
    expect(within(result()).getByTestId("result-reporting").textContent).toBe("Ingen, tiltaket er utenfor porteføljen.");
    expect([reached("samstyre"), reached("koordinere"), reached("inspirere")]).toEqual(["false", "false", "false"]);
    expect(screen.getByTestId("unreached-samstyre").textContent).toBe("Påvirker ikke resultatet nå, fordi tiltaket er Ut. Kan likevel besvares.");
    fireEvent.click(screen.getByTestId("answer-inspirere-ja"));
    expect(controller.callsOf("setAnswer")).toEqual([
      [AKSON_JOURNAL, "digitaliseringVesentlig", false],
      [AKSON_JOURNAL, "inspirere", true],
    ]);
    expect(result().getAttribute("data-segment")).toBe("ut");
  });

  test("clicking the answer already given does not write", () => {
    const controller = openChecklist();
    pick(AKSON_JOURNAL);
    fireEvent.click(screen.getByTestId("answer-koordinere-ja"));
    expect(controller.callsOf("setAnswer")).toEqual([]);
  });

  test("the measures the workbook already has out or unassessed say why", () => {
    openChecklist();
    pick(DIGI_UNG);
    expect(result().getAttribute("data-segment")).toBe("ut");
    expect(within(result()).getByTestId("result-why").textContent).toContain(`spørsmål 2 «${question("flereAktorer")}»`);
    pick(KURVE);
    expect(result().getAttribute("data-entry")).toBe("ikke-vurdert");
    expect(within(result()).getByTestId("result-entry").textContent).toBe("ikke vurdert");
    expect(within(result()).getByTestId("result-why").textContent).toBe(`Ikke vurdert: spørsmål 3 «${question("gjenbrukEllerDeling")}» er ikke besvart.`);
    expect(screen.getByTestId("checklist-question-gjenbrukEllerDeling").getAttribute("data-blocking")).toBe("true");
    pick(ROBUST);
    expect(result().getAttribute("data-entry")).toBe("inn");
    expect(result().getAttribute("data-segment")).toBe("ikke-vurdert");
    expect(within(result()).getByTestId("result-segment").textContent).toBe("ikke vurdert");
    expect(within(result()).getByTestId("result-why").textContent).toContain(`spørsmål 4 «${question("samstyre")}»`);
  });

  test("«Neste» and «Forrige» step through the measures, wrapping around; the row link selects the Segment cell", () => {
    const controller = openChecklist();
    const ids = state.checklist!.entries.map((e) => e.id);
    fireEvent.click(screen.getByTestId("checklist-next"));
    expect(screen.getByTestId("checklist-panel").getAttribute("data-measure-id")).toBe(ids[1]);
    fireEvent.click(screen.getByTestId("checklist-prev"));
    fireEvent.click(screen.getByTestId("checklist-prev"));
    expect(screen.getByTestId("checklist-panel").getAttribute("data-measure-id")).toBe(ids[ids.length - 1]);
    expect(screen.getAllByTestId("checklist-measure").find((i) => i.getAttribute("aria-current") === "true")!.getAttribute("data-measure-id")).toBe(ids[ids.length - 1]);
    fireEvent.click(screen.getByTestId("checklist-go-to-row"));
    expect(controller.callsOf("selectCell")).toEqual([[state.checklist!.entries[ids.length - 1].cell]]);
  });

  test("the chosen measure and a pending answer survive a switch of tabs", () => {
    openChecklist();
    pick(AKSON_JOURNAL);
    fireEvent.click(screen.getByTestId("answer-samstyre-ja"));
    fireEvent.click(screen.getByTestId("tab-ranking"));
    fireEvent.click(screen.getByTestId("tab-checklist"));
    expect(screen.getByTestId("checklist-panel").getAttribute("data-measure-id")).toBe(AKSON_JOURNAL);
    expect(result().getAttribute("data-segment")).toBe("Samstyre");
  });

  test("in English: the questions, the answers and the reporting in English, the segment names in Norwegian", () => {
    const controller = openChecklist({ ...state, lang: "en" });
    expect(screen.getByTestId("tab-checklist").textContent).toBe("Checklist");
    pick(AKSON_JOURNAL);
    expect(result().getAttribute("data-segment")).toBe("Koordinere");
    expect(within(result()).getByTestId("result-entry").textContent).toBe("In");
    expect(within(result()).getByTestId("result-segment").textContent).toBe("Koordinere");
    expect(within(result()).getByTestId("result-why").textContent).toBe(`Yes to question 5 “${question("koordinere", "en")}”`);
    expect(within(result()).getByTestId("result-reporting").textContent).toBe("2 times a year: dependencies");
    expect(within(screen.getByTestId("checklist-group-significance")).getByRole("heading").textContent).toBe("National significance");
    expect(screen.getByTestId("answer-samstyre-ja").textContent).toBe("Yes");
    expect(screen.getByTestId("answer-samstyre-nei").textContent).toBe("No");
    expect(screen.getByTestId("answer-samstyre-blank").textContent).toBe("Unanswered");
    expect(screen.getByTestId("summary-reports").textContent).toBe("39 reports a year");
    fireEvent.click(screen.getByTestId("answer-samstyre-ja"));
    expect(controller.callsOf("setAnswer")).toEqual([[AKSON_JOURNAL, "samstyre", true]]);
    expect(within(result()).getByTestId("result-reporting").textContent).toBe("4 times a year: status and risk");
    expect(screen.getByTestId("checklist-saving").textContent).toBe("Saving to the workbook …");
  });
});
