/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's export conditions: exceljs (which reads the meeting fixture) needs uuid's CommonJS build.
import "./setup";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { AppState } from "../../src/app/app-state";
import { App } from "../../src/taskpane/components/App";
import { rowOf } from "./dom";
import { FakeController } from "./fake-controller";
import { assessInputs, readMeeting, type Meeting } from "./meeting";

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
});
afterEach(cleanup);

const base: AppState = { status: "loading", lang: "nb", busy: false, hasLegacySheets: false };

describe("states without a scoring table", () => {
  test("loading: a spinner that says what it does", () => {
    render(<App controller={new FakeController(base)} />);
    expect(screen.getByTestId("state-loading").textContent).toContain("Leser arbeidsboken");
    expect(screen.getByTestId("status-line").textContent).toBe("Leser arbeidsboken …");
    expect((screen.getByTestId("recalc") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId("tab-ranking")).toBeNull();
  });

  test("empty: says what to do, and the button creates the scoring table", () => {
    const controller = new FakeController({ ...base, status: "empty", model: meeting.model });
    render(<App controller={controller} />);
    const empty = screen.getByTestId("state-empty");
    expect(within(empty).getByRole("heading").textContent).toBe("Ingen vurderingstabell ennå");
    fireEvent.click(screen.getByTestId("create-workbook"));
    expect(controller.callsOf("createWorkbook")).toEqual([[]]);
    expect(screen.getByTestId("create-workbook").textContent).toBe("Opprett vurderingstabell");
  });

  test("empty, then the controller reports the new table: the ranking replaces the empty state", () => {
    const controller = new FakeController({ ...base, status: "empty" });
    render(<App controller={controller} />);
    act(() =>
      controller.emit({
        status: "ready",
        model: meeting.model,
        assessment: assessInputs(meeting.model, meeting.inputs),
        notice: "Vurderingstabellen er opprettet.",
        lastRecomputeMs: 12,
      }),
    );
    expect(screen.queryByTestId("state-empty")).toBeNull();
    expect(screen.getAllByTestId("ranking-row")).toHaveLength(13);
    expect(screen.getByTestId("notice").textContent).toContain("Vurderingstabellen er opprettet.");
  });

  test("legacy: explains the old layout, shows its ranking read-only, offers import and an empty table", () => {
    const controller = new FakeController({ ...base, status: "legacy", model: meeting.model, assessment: meeting.legacy, hasLegacySheets: true });
    render(<App controller={controller} />);
    expect(within(screen.getByTestId("state-legacy")).getByRole("heading").textContent).toBe("Arbeidsboken har det gamle møteoppsettet");
    expect(rowOf("dbep.implementering-av-dbep").getAttribute("data-rank")).toBe("6=");
    fireEvent.click(screen.getByTestId("import-legacy"));
    fireEvent.click(screen.getByTestId("create-workbook"));
    expect(controller.callsOf("importLegacy")).toEqual([[]]);
    expect(controller.callsOf("createWorkbook")).toEqual([[]]);
    expect(screen.getByTestId("import-legacy").textContent).toBe("Importer til vurderingstabell");
    expect(screen.getByTestId("create-workbook").textContent).toBe("Opprett tom vurderingstabell");

    // The model is shown but cannot be edited: there is no Modell sheet yet.
    fireEvent.click(screen.getByTestId("tab-model"));
    expect(screen.queryByTestId("state-legacy")).toBeNull(); // the banner belongs to the ranking
    expect((screen.getByTestId("weight-input-nytte") as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByTestId("reset-weights")).toBeNull();
    expect(screen.getByTestId("model-read-only")).toBeTruthy();
  });

  test("error: the message and «Prøv igjen», which recalculates", () => {
    const controller = new FakeController({ ...base, status: "error", error: "Noe gikk galt i Excel: arket er låst" });
    render(<App controller={controller} />);
    expect(screen.getByTestId("error-message").textContent).toBe("Noe gikk galt i Excel: arket er låst");
    expect(screen.queryByTestId("error-bar")).toBeNull();
    fireEvent.click(screen.getByTestId("retry"));
    expect(controller.callsOf("recalc")).toEqual([[]]);
    expect(screen.getByTestId("retry").textContent).toBe("Prøv igjen");
  });

  test("busy: the action buttons are disabled so nothing is written twice", () => {
    render(<App controller={new FakeController({ ...base, status: "empty", busy: true })} />);
    expect((screen.getByTestId("create-workbook") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("busy-spinner")).toBeTruthy();
  });

  test("an action that rejects is reported, not swallowed", async () => {
    const controller = new FakeController({ ...base, status: "empty" });
    controller.createWorkbook = () => Promise.reject(new Error("ingen tilgang"));
    render(<App controller={controller} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId("create-workbook"));
    });
    expect(screen.getByTestId("action-failure").textContent).toContain("Handlingen kunne ikke fullføres: ingen tilgang");
  });

  test("English", () => {
    render(<App controller={new FakeController({ ...base, status: "empty", lang: "en" })} />);
    expect(screen.getByTestId("create-workbook").textContent).toBe("Create scoring table");
    expect(within(screen.getByTestId("state-empty")).getByRole("heading").textContent).toBe("No scoring table yet");
  });
});
