/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's export conditions: exceljs (which reads the meeting fixture) needs uuid's CommonJS build.
import "./setup";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { allFindings } from "../../src/core/assess";
import { scorerFinding } from "../../src/core/scorers";
import type { AppState } from "../../src/app/app-state";
import { App } from "../../src/taskpane/components/App";
import { FakeController } from "./fake-controller";
import { assessInputs, readMeeting, type Meeting } from "./meeting";

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
});
afterEach(cleanup);

const DISAGREE = scorerFinding(
  "scorers-disagree",
  "warning",
  { measure: "Implementering av DBEP", criteria: ["maal.behov"], ranges: [8], cells: ["Vurdering!E3"], threshold: 4 },
  { measureId: "dbep.implementering-av-dbep", cell: "Vurdering!E3" },
);
const IN_USE = scorerFinding("scorers-in-use", "info", { count: 14, scorers: 2 });

function ready(patch: Partial<AppState> = {}): AppState {
  return { status: "ready", lang: "nb", assessment: assessInputs(meeting.model, meeting.inputs), model: meeting.model, busy: false, hasLegacySheets: false, ...patch };
}

describe("Funn lists the scorers' notes with the workbook's findings", () => {
  test("a disagreement is a warning at its Vurdering cell, counted in the tab's badge, in both languages", async () => {
    const state = ready({ scorerFindings: [DISAGREE, IN_USE] });
    const own = allFindings(state.assessment!).length;
    const controller = new FakeController(state);
    render(<App controller={controller} />);
    fireEvent.click(screen.getByTestId("tab-findings"));
    // The scorers' strings load on demand; then the badge counts their notes too.
    await screen.findByText(/Vurdererne er uenige/);
    expect(screen.getByTestId("tab-findings").getAttribute("data-count")).toBe(String(own + 2));
    const warning = screen.getAllByTestId("finding").find((f) => f.getAttribute("data-code") === "scorers-disagree")!;
    expect(warning.getAttribute("data-severity")).toBe("warning");
    expect(warning.getAttribute("data-cell")).toBe("Vurdering!E3");
    expect(within(warning).getByText(/^Vurdererne/).textContent).toBe(
      "Vurdererne er uenige om Implementering av DBEP: Informasjonsbehov (spenn 8), minst 4 mellom høyeste og laveste score. Ta det opp i møtet (Vurdering!E3).",
    );
    expect(within(screen.getByTestId("findings-warning")).getAllByTestId("finding")).toContain(warning);
    fireEvent.click(within(warning).getByTestId("finding-cell-link"));
    expect(controller.callsOf("selectCell")).toEqual([["Vurdering!E3"]]);
    act(() => controller.emit({ lang: "en" }));
    const en = screen.getAllByTestId("finding").find((f) => f.getAttribute("data-code") === "scorers-disagree")!;
    expect(within(en).getByText(/^The scorers/).textContent).toBe(
      "The scorers disagree on Implementering av DBEP: Information needs (range 8), at least 4 between the highest and lowest score. Discuss it in the meeting (Vurdering!E3).",
    );
  });

  test("without scorers nothing is added", () => {
    const state = ready();
    render(<App controller={new FakeController(state)} />);
    expect(screen.getByTestId("tab-findings").getAttribute("data-count")).toBe(String(allFindings(state.assessment!).length));
    fireEvent.click(screen.getByTestId("tab-findings"));
    expect(screen.getAllByTestId("finding").filter((f) => f.getAttribute("data-code")!.startsWith("scorers-"))).toEqual([]);
  });
});
