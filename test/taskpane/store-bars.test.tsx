/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The store's state in the pane: the rebuild of a damaged store, and the workbook's language.
import "./setup";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { AppState } from "../../src/app/app-state";
import { App } from "../../src/taskpane/components/App";
import { FakeController } from "./fake-controller";
import { assessInputs, readMeeting, type Meeting } from "./meeting";

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
});
afterEach(cleanup);

function ready(patch: Partial<AppState>): AppState {
  return { status: "ready", lang: "nb", busy: false, hasLegacySheets: false, assessment: assessInputs(meeting.model, meeting.inputs), model: meeting.model, ...patch };
}

test("a damaged store: says what is paused, in bokmål and English, and the button rebuilds it", () => {
  const controller = new FakeController(ready({ storeDamaged: true, workbookLang: "nb" }));
  render(<App controller={controller} />);
  expect(screen.getByTestId("store-damaged").textContent).toContain(
    "Tilleggets lager (arket PrioData) er skadet. Navn og slettede tiltak synkroniseres ikke mellom Vurdering og Sjekkliste før lageret er bygget på nytt fra tabellene.",
  );
  fireEvent.click(screen.getByTestId("repair-store"));
  expect(controller.callsOf("repairStore")).toEqual([[]]);
  cleanup();
  render(<App controller={new FakeController(ready({ storeDamaged: true, lang: "en" }))} />);
  expect(screen.getByTestId("repair-store").textContent).toBe("Rebuild the store");
});

test("no bar when the store is whole; the workbook's language can be changed on the Modell tab", () => {
  const controller = new FakeController(ready({ storeDamaged: false, workbookLang: "nb" }));
  render(<App controller={controller} />);
  expect(screen.queryByTestId("store-damaged")).toBeNull();
  // On the Modell tab.
  expect(screen.queryByTestId("workbook-lang")).toBeNull();
  fireEvent.click(screen.getByTestId("tab-model"));
  const select = screen.getByTestId("workbook-lang") as HTMLSelectElement;
  expect(select.value).toBe("nb");
  fireEvent.change(select, { target: { value: "en" } });
  expect(controller.callsOf("setWorkbookLang")).toEqual([["en"]]);
});
