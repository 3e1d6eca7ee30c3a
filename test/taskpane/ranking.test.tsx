/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's export conditions: exceljs (which reads the meeting fixture) needs uuid's CommonJS build.
import "./setup";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { RankingView } from "../../src/taskpane/components/RankingView";
import type { AppState } from "../../src/app/app-state";
import * as bar from "../../src/ui/bar";
import { rowOf } from "./dom";
import { FakeController } from "./fake-controller";
import { assessInputs, readMeeting, type Meeting } from "./meeting";
import { withWeight } from "../../src/core/model";

// barShare counted where the rows call it: the real function behind a jest.fn (module exports are
// read-only, so jest.spyOn cannot replace them).
jest.mock("../../src/ui/bar", () => {
  const actual = jest.requireActual<typeof import("../../src/ui/bar")>("../../src/ui/bar");
  return { ...actual, barShare: jest.fn(actual.barShare) };
});
const barShare = bar.barShare as jest.MockedFunction<typeof bar.barShare>;

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
});
afterEach(cleanup);

const DBEP = "dbep.implementering-av-dbep";
const LEGEVAKT = "dokumentdeling.legevakt-ohd";
const PLL = "legemidler.pll";
const NO_NYTTE = "dokumentdeling.andre-helseaktorer-tjenester";
const KI_ANDRE = "kritisk-info.andre-helseaktorer";

function ready(patch: Partial<AppState> = {}): AppState {
  const assessment = assessInputs(meeting.model, meeting.inputs);
  return { status: "ready", lang: "nb", assessment, model: meeting.model, busy: false, hasLegacySheets: false, lastRecomputeMs: 45, ...patch };
}

const row = rowOf;

describe("Rangering", () => {
  test("one row per ranked measure, in the assessment's order, with rank label and unrounded score", () => {
    const state = ready();
    render(<App controller={new FakeController(state)} />);
    const rows = screen.getAllByTestId("ranking-row");
    const ranked = state.assessment!.measures.filter((m) => m.rank !== null);
    expect(rows.map((r) => r.getAttribute("data-measure-id"))).toEqual(ranked.map((m) => m.id));
    expect(rows.map((r) => r.getAttribute("data-score"))).toEqual(ranked.map((m) => String(m.total)));
    expect(rows).toHaveLength(13);
    expect(rows[0].getAttribute("data-measure-id")).toBe(PLL);
    expect(screen.getByTestId("ranking-summary").textContent).toBe("13 av 14 tiltak rangert");
  });

  test("DBEP and Legevakt/ØHD both show 6= (an exact tie), the next one 8", () => {
    render(<App controller={new FakeController(ready())} />);
    for (const id of [DBEP, LEGEVAKT]) {
      expect(row(id).getAttribute("data-rank")).toBe("6=");
      expect(within(row(id)).getByTestId("ranking-rank").textContent).toBe("6=");
      expect(within(row(id)).getByTestId("ranking-total").textContent).toBe("18,2");
    }
    expect(row("felles-hjelpenummer.felles-hjelpenummer").getAttribute("data-rank")).toBe("8");
  });

  test("PLL shows 22,8 in bokmål and 22.8 in English, with its group values to two decimals", () => {
    const controller = new FakeController(ready());
    render(<App controller={controller} />);
    expect(within(row(PLL)).getByTestId("ranking-total").textContent).toBe("22,8");
    expect(row(PLL).getAttribute("data-score")).toBe("22.75");
    expect(within(row(PLL)).getByTestId("group-value-maal").textContent).toBe("M9,00");
    expect(within(row(PLL)).getByTestId("group-value-kost").textContent).toBe("K6,25");
    expect(within(row(PLL)).getByTestId("group-value-nytte").textContent).toBe("N7,50");
    expect(within(row(PLL)).getByTestId("group-value-kost").getAttribute("title")).toBe("Kostnader: 6,25");
    // «Tema: tiltak», as every output names a measure (core/full-name.ts): the theme first (quieter), unless the name says it.
    expect(within(row(PLL)).getByTestId("ranking-name").textContent).toBe("Legemidler: PLL");
    expect(within(row(PLL)).getByTestId("ranking-theme").textContent).toBe("Legemidler: ");
    expect(within(row(LEGEVAKT)).getByTestId("ranking-name").textContent).toBe("Dokumentdeling: Legevakt/ØHD");
    expect(within(row(LEGEVAKT)).queryByTestId("ranking-theme")).toBeNull();
    expect(within(row(LEGEVAKT)).getByTestId("ranking-name").getAttribute("data-full")).toBe("Dokumentdeling: Legevakt/ØHD");
    expect(within(row("felles-hjelpenummer.felles-hjelpenummer")).getByTestId("ranking-name").textContent).toBe("Felles hjelpenummer");

    act(() => controller.emit({ lang: "en" }));
    expect(within(row(PLL)).getByTestId("ranking-total").textContent).toBe("22.8");
    expect(within(row(PLL)).getByTestId("group-value-kost").getAttribute("title")).toBe("Costs (complexity): 6.25");
    expect(screen.getByTestId("ranking-summary").textContent).toBe("13 of 14 measures ranked");
  });

  test("the bar shows the share of the highest possible total (22,75 of 30)", () => {
    render(<App controller={new FakeController(ready())} />);
    const bar = within(row(PLL)).getByRole("img", { name: /høyeste mulige total/ });
    expect(bar.getAttribute("aria-label")).toBe("76\u00a0% av høyeste mulige total (30)");
    expect((bar.firstElementChild as HTMLElement).style.width).toBe("75.83%");
  });

  test("the measure without Nytte is listed last, without rank, with the reason in words", () => {
    render(<App controller={new FakeController(ready())} />);
    const unranked = screen.getAllByTestId("ranking-unranked-row");
    expect(unranked.map((r) => r.getAttribute("data-measure-id"))).toEqual([NO_NYTTE]);
    expect(unranked[0].getAttribute("data-rank")).toBe("–");
    expect(screen.getByText("Uten total (1)")).toBeTruthy();
    expect(within(unranked[0]).getByTestId("ranking-reason").textContent).toBe(
      "Dokumentdeling: Andre helseaktører/tjenester har ingen total fordi Nytte ikke har noen score. Fyll inn minst én score under Nytte.",
    );
    expect(screen.queryAllByTestId("ranking-row").some((r) => r.getAttribute("data-measure-id") === NO_NYTTE)).toBe(false);
  });

  test("incomplete measures carry a mark that names the missing or invalid criteria", () => {
    render(<App controller={new FakeController(ready())} />);
    expect(within(row(PLL)).queryByTestId("incomplete-mark")).toBeNull();
    const mark = within(row(KI_ANDRE)).getByTestId("incomplete-mark");
    expect(mark.getAttribute("aria-label")).toBe("Ufullstendig. Ugyldig: Juridisk utvikling");
    const missing = within(row(NO_NYTTE)).getByTestId("incomplete-mark");
    expect(missing.getAttribute("aria-label")).toMatch(/^Ufullstendig\. Mangler: Organisatorisk kompleksitet, .* og Sentral infrastruktur$/);
  });

  test("totals print with the decimals that keep different totals apart (issue 16, item 4); a tie prints one figure", () => {
    const nytte19 = withWeight(meeting.model, "nytte", 1.9);
    const view = render(<RankingView assessment={assessInputs(nytte19, meeting.inputs)} lang="nb" />);
    const totals = () => screen.getAllByTestId("ranking-row").map((r) => [r.getAttribute("data-rank"), within(r).getByTestId("ranking-total").textContent]);
    // Places 9 and 10 are 19,37 and 19,35: one decimal would print «19,4» twice.
    expect(totals().slice(7, 11)).toEqual([
      ["8", "20,43"],
      ["9", "19,37"],
      ["10", "19,35"],
      ["11", "17,83"],
    ]);
    view.rerender(<RankingView assessment={assessInputs(meeting.model, meeting.inputs)} lang="en" />);
    expect(totals().slice(4, 8)).toEqual([
      ["5", "18.3"],
      ["6=", "18.2"],
      ["6=", "18.2"],
      ["8", "16.1"],
    ]);
  });

  test("a score edit re-renders only the rows it changes; the others keep their elements", () => {
    const first = ready().assessment!;
    const onSelect = jest.fn();
    const view = render(<RankingView assessment={first} lang="nb" onSelect={onSelect} />);
    const before = new Map(screen.getAllByTestId("ranking-row").map((r) => [r.getAttribute("data-measure-id"), r]));
    // PLL's «Teknisk» cost score 6 → 7 (Legemidler!C7): its total changes, nobody's rank does.
    const inputs = meeting.inputs.map((m) => (m.id === PLL ? { ...m, scores: { ...m.scores, "kost.teknisk": { value: 7, address: "Legemidler!C7" } } } : m));
    const next = assessInputs(meeting.model, inputs);
    const changed = next.measures.filter((m) => {
      const was = first.measures.find((x) => x.id === m.id)!;
      return was.total !== m.total || was.rank !== m.rank;
    });
    expect(changed.map((m) => m.id)).toEqual([PLL]);
    // A ranked row computes its bar once per render: count the renders.
    barShare.mockClear();
    view.rerender(<RankingView assessment={next} lang="nb" onSelect={onSelect} />);
    expect(barShare).toHaveBeenCalledTimes(1);
    const after = screen.getAllByTestId("ranking-row");
    expect(after.every((r) => before.get(r.getAttribute("data-measure-id")) === r)).toBe(true);
    expect(within(row(PLL)).getByTestId("ranking-total").textContent).toBe("23,0");
    // The language changes every row.
    barShare.mockClear();
    view.rerender(<RankingView assessment={next} lang="en" onSelect={onSelect} />);
    expect(barShare).toHaveBeenCalledTimes(13);
    expect(within(row(PLL)).getByTestId("ranking-total").textContent).toBe("23.0");
  });

  test("updates live when the controller emits a new assessment, and shows who moved", () => {
    const controller = new FakeController(ready());
    render(<App controller={controller} />);
    expect(screen.getAllByTestId("ranking-row")).toHaveLength(13);
    expect(screen.queryAllByTestId("rank-move")).toHaveLength(0);

    // Someone types 10 for «Sentral infrastruktur» of the measure without Nytte: it gets a total.
    const inputs = meeting.inputs.map((m) =>
      m.id === NO_NYTTE ? { ...m, scores: { ...m.scores, "nytte.infra": { value: 10, address: "Dokumentdeling!G19" } } } : m,
    );
    const next = assessInputs(meeting.model, inputs);
    act(() => controller.emit({ assessment: next, lastRecomputeMs: 38 }));

    expect(screen.getAllByTestId("ranking-row")).toHaveLength(14);
    expect(screen.queryAllByTestId("ranking-unranked-row")).toHaveLength(0);
    expect(screen.queryByText(/Uten total/)).toBeNull();
    const moved = next.measures.find((m) => m.id === NO_NYTTE)!;
    expect(row(NO_NYTTE).getAttribute("data-rank")).toBe(String(moved.rank));
    expect(within(row(NO_NYTTE)).getByTestId("ranking-total").textContent).toBe("18,0");
    expect(screen.getByTestId("status-line").textContent).toBe("Oppdatert på 38 ms");
    // 4 + 4 + 10 = 18: it comes in after DBEP and Legevakt/ØHD (18,17), so Felles hjelpenummer and every one below move down.
    expect(row(NO_NYTTE).getAttribute("data-rank")).toBe("8");
    expect(within(row(NO_NYTTE)).queryByTestId("rank-move")).toBeNull();
    expect(within(row(DBEP)).queryByTestId("rank-move")).toBeNull();
    expect(row(DBEP).getAttribute("data-rank")).toBe("6=");
    const hjelpenummer = row("felles-hjelpenummer.felles-hjelpenummer");
    expect(hjelpenummer.getAttribute("data-rank")).toBe("9");
    expect(within(hjelpenummer).getByTestId("rank-move").getAttribute("aria-label")).toBe("Ned 1 fra plass 8");
    expect(screen.getAllByTestId("rank-move")).toHaveLength(6);
  });

  test("a long list draws its first 40 rows at once and every row right after; the unranked come with them", async () => {
    // 10 copies of the meeting's measures under other ids: 13 ranked and 1 without a total each time.
    const inputs = Array.from({ length: 10 }, (_, k) => meeting.inputs.map((m) => ({ ...m, id: `${m.id}-${k}`, name: `${m.name} ${k}` }))).flat();
    const assessment = assessInputs(meeting.model, inputs);
    render(<App controller={new FakeController(ready({ assessment }))} />);
    expect(screen.getAllByTestId("ranking-row")).toHaveLength(40);
    expect(screen.queryAllByTestId("ranking-unranked-row")).toHaveLength(0);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    const rows = screen.getAllByTestId("ranking-row");
    expect(rows).toHaveLength(130);
    expect(rows.map((r) => r.getAttribute("data-measure-id"))).toEqual(assessment.measures.filter((m) => m.rank !== null).map((m) => m.id));
    expect(screen.getAllByTestId("ranking-unranked-row")).toHaveLength(10);
  });

  test("an assessment without measures says what to do", () => {
    const state = ready();
    render(<App controller={new FakeController({ ...state, assessment: { ...state.assessment!, measures: [], findings: [] } })} />);
    expect(screen.getByTestId("ranking-empty").textContent).toContain("Skriv inn tiltakene og scorene på arket Vurdering");
  });

  test("the status line, the recalc button and the busy spinner", () => {
    const controller = new FakeController(ready());
    render(<App controller={controller} />);
    expect(screen.getByTestId("status-line").textContent).toBe("Oppdatert på 45 ms");
    expect(screen.queryByTestId("busy-spinner")).toBeNull();
    fireEvent.click(screen.getByTestId("recalc"));
    expect(controller.callsOf("recalc")).toEqual([[]]);
    act(() => controller.emit({ busy: true, lastRecomputeMs: 1234 }));
    expect(screen.getByTestId("busy-spinner")).toBeTruthy();
    // Busy: not available, but still focusable (aria-disabled), so the keyboard's focus is not dropped.
    expect(screen.getByTestId("recalc").getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(screen.getByTestId("recalc"));
    expect(controller.callsOf("recalc")).toEqual([[]]);
    expect(screen.getByTestId("status-line").textContent).toBe("Oppdatert på 1,2 s");
    act(() => controller.emit({ lang: "en", busy: false, lastRecomputeMs: 45 }));
    expect(screen.getByTestId("status-line").textContent).toBe("Updated in 45 ms");
    expect(screen.getByTestId("recalc").textContent).toBe("Recalculate");
  });

  test("notices and errors appear as message bars; a notice can be dismissed", () => {
    const controller = new FakeController(ready({ notice: "14 tiltak er importert til arket Vurdering." }));
    render(<App controller={controller} />);
    expect(screen.getByTestId("notice").textContent).toContain("14 tiltak er importert");
    fireEvent.click(within(screen.getByTestId("notice")).getByRole("button", { name: "Lukk" }));
    expect(screen.queryByTestId("notice")).toBeNull();
    act(() => controller.emit({ error: "Noe gikk galt i Excel: tidsavbrudd" }));
    expect(screen.getByTestId("error-bar").textContent).toContain("tidsavbrudd");
  });

  test("unsubscribes from the controller when unmounted", () => {
    const controller = new FakeController(ready());
    const { unmount } = render(<App controller={controller} />);
    expect(controller.listenerCount).toBe(1);
    unmount();
    expect(controller.listenerCount).toBe(0);
  });
});

describe("Rangering: names a council can tell apart, and a row that leads to the sheet", () => {
  const SPES_DOK = "dokumentdeling.spesialisthelsetjenesten";
  const SPES_KI = "kritisk-info.spesialisthelsetjenesten";

  test("no two rows read the same: the two «Spesialisthelsetjenesten» carry their themes", () => {
    render(<App controller={new FakeController(ready())} />);
    const names = screen.getAllByTestId("ranking-name").map((n) => n.textContent);
    expect(names).toHaveLength(14);
    expect(new Set(names).size).toBe(14);
    expect(within(row(SPES_DOK)).getByTestId("ranking-name").textContent).toBe("Dokumentdeling: Spesialisthelsetjenesten");
    expect(within(row(SPES_KI)).getByTestId("ranking-name").textContent).toBe("Kritisk info: Spesialisthelsetjenesten");
  });

  test("the name is a button: click or Enter selects the measure's row; the tooltip gives the name as written", async () => {
    const controller = new FakeController(ready());
    render(<App controller={controller} />);
    const name = within(row(SPES_KI)).getByTestId("ranking-name");
    expect(name.tagName).toBe("BUTTON");
    fireEvent.click(name);
    expect(controller.callsOf("selectMeasure")).toEqual([[SPES_KI]]);
    // A click anywhere else on the row does the same.
    fireEvent.click(within(row(PLL)).getByTestId("ranking-total"));
    expect(controller.callsOf("selectMeasure")).toEqual([[SPES_KI], [PLL]]);
    // The unranked measure too.
    fireEvent.click(within(screen.getByTestId("ranking-unranked-row")).getByTestId("ranking-name"));
    expect(controller.callsOf("selectMeasure")).toEqual([[SPES_KI], [PLL], [NO_NYTTE]]);
    // Screen readers get the tooltip's text as the button's description; it shows on hover or focus.
    expect(name.getAttribute("aria-description")).toBe("Kritisk info: Spesialisthelsetjenesten. Velg for å vise tiltaket i arbeidsboken.");
    expect(screen.queryByRole("tooltip")).toBeNull();
    fireEvent.pointerEnter(name);
    expect((await screen.findByRole("tooltip", {}, { timeout: 3000 })).textContent).toBe("Kritisk info: Spesialisthelsetjenesten. Velg for å vise tiltaket i arbeidsboken.");
  });
});
