/**
 * @jest-environment jsdom
 */
import "./setup";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { AppState } from "../../src/app/app-state";
import { App } from "../../src/taskpane/components/App";
import { idOf, portfolio, readyState, type TestMeasure } from "./checklist-workbook";
import { rowOf } from "./dom";
import { FakeController } from "./fake-controller";

afterEach(cleanup);

const AKSON_JOURNAL = idOf("Akson - journal");
const LEGEMIDDEL = idOf("Legemiddelprogrammet");
const AMBULANSE = idOf("Regional ambulansjournal");
const DIGI_UNG = idOf("DIGI-UNG");
const KURVE = idOf("Regional kurve og medikasjon");
const ROBUST = idOf("Robust Mobilt Helsenett");
const NO_SCORES = idOf("Neste generasjon nød- og beredskapskommunikasjon");
const FRESK = idOf("FRESK");
const HMN_LAB = idOf("HMN Lab");

let measures: TestMeasure[];
let state: AppState;
beforeAll(() => {
  measures = portfolio();
  state = readyState({ measures });
});

const rows = () => screen.queryAllByTestId("ranking-row");
const ids = (els: HTMLElement[]) => els.map((r) => r.getAttribute("data-measure-id"));
const ranks = (els: HTMLElement[]) => new Map(els.map((r) => [r.getAttribute("data-measure-id"), r.getAttribute("data-rank")]));

function filterBy(value: string): void {
  fireEvent.change(screen.getByTestId("segment-filter"), { target: { value } });
}

describe("Rangering with the checklist", () => {
  test("every row carries its segment and its rank within the segment beside the overall rank", () => {
    render(<App controller={new FakeController(state)} />);
    const byId = new Map(state.checklist!.entries.map((e) => [e.id, e]));
    for (const m of state.assessment!.measures.filter((x) => x.rank !== null)) {
      const e = byId.get(m.id)!;
      const key = e.placement.entry === "ut" ? "ut" : e.placement.segment;
      expect([m.id, rowOf(m.id).getAttribute("data-segment")]).toEqual([m.id, key]);
      const sr = e.segmentRank;
      expect([m.id, rowOf(m.id).getAttribute("data-segment-rank")]).toEqual([m.id, sr ? `${sr.rank}${sr.tied ? "=" : ""}` : ""]);
    }
    // Akson - journal is 2nd overall and the best Koordinere measure.
    const akson = rowOf(AKSON_JOURNAL);
    expect(akson.getAttribute("data-rank")).toBe("2");
    expect(akson.getAttribute("data-segment")).toBe("Koordinere");
    expect(akson.getAttribute("data-segment-rank")).toBe("1");
    expect(within(akson).getByTestId("ranking-segment-rank").textContent).toBe("nr. 1");
    expect(within(akson).getByTestId("ranking-segment-rank").getAttribute("aria-label")).toBe("1. i Koordinere");
    // A shared overall place (13=) keeps its own segment ranks: 5th in Samstyre, 2nd in Observere.
    expect(within(rowOf(LEGEMIDDEL)).getByTestId("ranking-rank").textContent).toBe("13=");
    expect(within(rowOf(LEGEMIDDEL)).getByTestId("ranking-segment-rank").textContent).toBe("nr. 5");
    expect(within(rowOf(AMBULANSE)).getByTestId("ranking-rank").textContent).toBe("13=");
    expect(within(rowOf(AMBULANSE)).getByTestId("ranking-segment-rank").getAttribute("aria-label")).toBe("2. i Observere");
    // Out of a segment, no segment rank.
    expect(within(rowOf(DIGI_UNG)).queryByTestId("ranking-segment-rank")).toBeNull();
    expect(rowOf(DIGI_UNG).getAttribute("data-segment-rank")).toBe("");
    // The measure without a total is listed with its segment, without a rank.
    expect(rowOf(NO_SCORES).getAttribute("data-segment")).toBe("Inspirere");
  });

  test("Inn/Ut and the segment as badges", () => {
    render(<App controller={new FakeController(state)} />);
    const badges = (id: string) => within(within(rowOf(id)).getByTestId("ranking-placement")).queryAllByText(/./).map((b) => b.textContent);
    expect(badges(AKSON_JOURNAL)).toEqual(["Inn", "Koordinere"]);
    expect(badges(DIGI_UNG)).toEqual(["Ut"]);
    // Beside scores «ikke vurdert» would read as «not scored»: the badges say what is not answered.
    expect(badges(KURVE)).toEqual(["sjekkliste ikke besvart"]);
    expect(badges(ROBUST)).toEqual(["Inn", "segment ikke besvart"]);
    expect(within(rowOf(AKSON_JOURNAL)).getByTestId("segment-badge").getAttribute("data-kind")).toBe("Koordinere");
  });

  test("the segment filter shows one segment's rows with their overall ranks unchanged", () => {
    render(<App controller={new FakeController(state)} />);
    const before = ranks(rows());
    expect(rows()).toHaveLength(17);
    expect(screen.queryByTestId("ranking-showing")).toBeNull();

    filterBy("Samstyre");
    expect(rows()).toHaveLength(6);
    expect(rows().every((r) => r.getAttribute("data-segment") === "Samstyre")).toBe(true);
    for (const [id, r] of ranks(rows())) expect([id, r]).toEqual([id, before.get(id)]);
    expect(rows().map((r) => r.getAttribute("data-segment-rank"))).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(screen.getByTestId("ranking-showing").textContent).toBe("Viser 6 av 18");
    // The summary counts the whole assessment, not the filtered rows.
    expect(screen.getByTestId("ranking-summary").textContent).toBe("17 av 18 tiltak rangert");
    expect(screen.queryAllByTestId("ranking-unranked-row")).toHaveLength(0);

    filterBy("Inspirere");
    expect(ids(rows())).toEqual([idOf("Primærhelseteam"), idOf("Oppfølgingsteam")]);
    expect(ids(screen.getAllByTestId("ranking-unranked-row"))).toEqual([NO_SCORES]);

    filterBy("ikke-vurdert");
    expect(ids(rows())).toEqual([KURVE, ROBUST]);
    expect(rows().map((r) => r.getAttribute("data-rank"))).toEqual([before.get(KURVE), before.get(ROBUST)]);

    filterBy("alle");
    expect(rows()).toHaveLength(17);
    expect(screen.getByTestId("ranking-summary").textContent).toBe("17 av 18 tiltak rangert");
  });

  test("the options count their measures", () => {
    render(<App controller={new FakeController(state)} />);
    const options = [...(screen.getByTestId("segment-filter") as HTMLSelectElement).options].map((o) => [o.value, o.textContent]);
    expect(options).toEqual([
      ["alle", "Alle (18)"],
      ["Samstyre", "Samstyre (6)"],
      ["Koordinere", "Koordinere (4)"],
      ["Inspirere", "Inspirere (3)"],
      ["Observere", "Observere (2)"],
      ["ikke-vurdert", "sjekkliste ikke besvart (2)"],
    ]);
  });

  test("«Skjul tiltak som er Ut» leaves out the Ut measures and no other, ranks unchanged; it combines with the filter", () => {
    const controller = new FakeController(state);
    render(<App controller={controller} />);
    const before = ranks(rows());
    const toggle = screen.getByTestId("hide-ut") as HTMLInputElement;
    expect(screen.getByText("Skjul tiltak som er Ut (1)")).toBeTruthy();
    fireEvent.click(toggle);
    expect(toggle.checked).toBe(true);
    expect(rows()).toHaveLength(16);
    expect(ids(rows())).not.toContain(DIGI_UNG);
    for (const [id, r] of ranks(rows())) expect([id, r]).toEqual([id, before.get(id)]);
    expect(screen.getByTestId("ranking-showing").textContent).toBe("Viser 17 av 18");

    filterBy("Koordinere");
    expect(rows()).toHaveLength(4);
    fireEvent.click(toggle);
    expect(rows()).toHaveLength(4);
    // Filtering is view state: nothing is written.
    expect(controller.calls).toEqual([]);
    // It stays over a new state from the controller and a switch of tabs.
    act(() => controller.emit({ lastRecomputeMs: 12 }));
    fireEvent.click(screen.getByTestId("tab-model"));
    fireEvent.click(screen.getByTestId("tab-ranking"));
    expect(rows()).toHaveLength(4);
    expect((screen.getByTestId("segment-filter") as HTMLSelectElement).value).toBe("Koordinere");
  });

  test("a filter with no measures says so", () => {
    const out = readyState({ measures: measures.filter((m) => m.id !== AMBULANSE && m.id !== HMN_LAB) });
    render(<App controller={new FakeController(out)} />);
    filterBy("Observere");
    expect(rows()).toHaveLength(0);
    expect(screen.getByTestId("ranking-filter-empty").textContent).toBe("Ingen tiltak passer utvalget.");
  });

  test("a measure without a checklist row is marked, and counts as not assessed in the filter", () => {
    // FRESK is new in Vurdering: the controller will add it to Sjekkliste; until then it has no row.
    const partial = readyState({ measures, notInChecklist: [FRESK] });
    render(<App controller={new FakeController(partial)} />);
    expect(rowOf(FRESK).getAttribute("data-segment")).toBe("");
    expect(within(rowOf(FRESK)).getByTestId("segment-badge").textContent).toBe("ikke i sjekklisten");
    filterBy("ikke-vurdert");
    expect(ids(rows())).toContain(FRESK);
  });

  test("without a checklist there are no filters and no segment attributes", () => {
    const { checklist: _none, ...without } = state;
    render(<App controller={new FakeController(without)} />);
    expect(screen.queryByTestId("segment-filter")).toBeNull();
    expect(screen.queryByTestId("hide-ut")).toBeNull();
    expect(rowOf(AKSON_JOURNAL).hasAttribute("data-segment")).toBe(false);
    expect(within(rowOf(AKSON_JOURNAL)).queryByTestId("ranking-placement")).toBeNull();
  });

  test("in English: the controls in English, the segment names in Norwegian", () => {
    render(<App controller={new FakeController({ ...state, lang: "en" })} />);
    expect(screen.getByText("Hide measures that are out (Ut) (1)")).toBeTruthy();
    expect([...(screen.getByTestId("segment-filter") as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      "All (18)",
      "Samstyre (6)",
      "Koordinere (4)",
      "Inspirere (3)",
      "Observere (2)",
      "checklist not answered (2)",
    ]);
    expect(within(rowOf(AKSON_JOURNAL)).getByTestId("ranking-segment-rank").getAttribute("aria-label")).toBe("No. 1 in Koordinere");
    const badges = within(within(rowOf(DIGI_UNG)).getByTestId("ranking-placement")).queryAllByText(/./).map((b) => b.textContent);
    expect(badges).toEqual(["Out"]);
    filterBy("Samstyre");
    expect(screen.getByTestId("ranking-showing").textContent).toBe("Showing 6 of 18");
  });
});

describe("Funn: a measure in only one of the tables", () => {
  // Both were in both tables last time (the store remembers them): FRESK has since left Sjekkliste, HMN Lab Vurdering.
  function orphans(lang: "nb" | "en" = "nb"): FakeController {
    const s = readyState({ measures, known: measures.map((m) => m.id), notInChecklist: [FRESK], notInScoring: [HMN_LAB] }, { lang });
    const controller = new FakeController(s);
    render(<App controller={controller} />);
    fireEvent.click(screen.getByTestId("tab-findings"));
    return controller;
  }
  const finding = (code: string) => {
    const found = screen.getAllByTestId("finding").filter((f) => f.getAttribute("data-code") === code);
    expect(found).toHaveLength(1);
    return found[0];
  };

  test("«Legg til igjen» puts the measure back", () => {
    const controller = orphans();
    const onlyScoring = finding("checklist-only-scoring");
    expect(onlyScoring.textContent).toContain("«FRESK» (T034) står i Vurdering, men ikke i Sjekkliste.");
    fireEvent.click(within(onlyScoring).getByTestId("orphan-add"));
    expect(controller.callsOf("resolveOrphan")).toEqual([[FRESK, "add"]]);
    fireEvent.click(within(finding("checklist-only-checklist")).getByTestId("orphan-add"));
    expect(controller.callsOf("resolveOrphan")).toEqual([
      [FRESK, "add"],
      [HMN_LAB, "add"],
    ]);
  });

  test("«Fjern» asks first, says that the row is deleted and logged, and removes only once confirmed", () => {
    const controller = orphans();
    const onlyScoring = finding("checklist-only-scoring");
    fireEvent.click(within(onlyScoring).getByTestId("orphan-remove"));
    expect(controller.callsOf("resolveOrphan")).toEqual([]);
    const confirm = within(onlyScoring).getByTestId("orphan-confirm");
    expect(confirm.textContent).toContain("Raden for «FRESK» slettes fra arket Vurdering, med scorene. Det som sto i raden, føres i arket Logg.");
    expect(document.activeElement).toBe(within(confirm).getByTestId("orphan-remove-cancel"));
    fireEvent.click(within(confirm).getByTestId("orphan-remove-confirm"));
    expect(controller.callsOf("resolveOrphan")).toEqual([[FRESK, "remove"]]);
    expect(within(onlyScoring).queryByTestId("orphan-confirm")).toBeNull();

    const onlyChecklist = finding("checklist-only-checklist");
    fireEvent.click(within(onlyChecklist).getByTestId("orphan-remove"));
    expect(within(onlyChecklist).getByTestId("orphan-confirm").textContent).toContain("slettes fra arket Sjekkliste, med svarene");
    fireEvent.click(within(onlyChecklist).getByTestId("orphan-remove-cancel"));
    expect(within(onlyChecklist).queryByTestId("orphan-confirm")).toBeNull();
    expect(controller.callsOf("resolveOrphan")).toEqual([[FRESK, "remove"]]);
  });

  test("other findings have no such buttons; the buttons wait while the controller is busy", () => {
    const controller = orphans();
    const others = screen.getAllByTestId("finding").filter((f) => !/^checklist-only-/.test(f.getAttribute("data-code") ?? ""));
    expect(others.length).toBeGreaterThan(0);
    for (const f of others) expect(within(f).queryByTestId("orphan-add")).toBeNull();
    act(() => controller.emit({ busy: true }));
    expect((within(finding("checklist-only-scoring")).getByTestId("orphan-add") as HTMLButtonElement).disabled).toBe(true);
  });

  test("in English", () => {
    orphans("en");
    const onlyChecklist = finding("checklist-only-checklist");
    expect(within(onlyChecklist).getByTestId("orphan-add").textContent).toBe("Add it back");
    fireEvent.click(within(onlyChecklist).getByTestId("orphan-remove"));
    expect(within(onlyChecklist).getByTestId("orphan-confirm").textContent).toContain(
      "The row of “HMN Lab” is deleted from the Sjekkliste sheet, with its answers. What the row held is logged on the Logg sheet.",
    );
    expect(within(onlyChecklist).getByTestId("orphan-remove-confirm").textContent).toBe("Delete the row");
  });
});
