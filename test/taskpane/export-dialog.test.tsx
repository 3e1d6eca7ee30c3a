/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The export dialog keeps title and meeting in the workbook (on Kopier tabell and on close with
// changes), says plainly when the clipboard is refused or the save fails, never the error's text.
import "./setup";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { AppState } from "../../src/app/app-state";
import ExportDialog from "../../src/taskpane/components/ExportDialog";
import { NO_FILTER } from "../../src/taskpane/components/RankingView";
import { EXPORT_SETTING } from "../../src/taskpane/export-settings";
import { assessInputs, readMeeting, type Meeting } from "./meeting";
import { FakeDocumentSettings, installOffice } from "./office-settings";

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
});
let uninstall: (() => void) | undefined;
afterEach(() => {
  cleanup();
  uninstall?.();
  uninstall = undefined;
});

function ready(lang: "nb" | "en" = "nb"): AppState {
  return { status: "ready", lang, busy: false, hasLegacySheets: false, assessment: assessInputs(meeting.model, meeting.inputs), model: meeting.model };
}

const value = (id: string) => (screen.getByTestId(id) as HTMLInputElement).value;
const type = (id: string, text: string) => fireEvent.change(screen.getByTestId(id), { target: { value: text } });

test("opens with what the workbook remembers; Kopier tabell keeps the typed title and meeting; the refused clipboard is said plainly", async () => {
  const settings = new FakeDocumentSettings({ [EXPORT_SETTING]: { title: "Rådsmøtet", meeting: 12 } });
  uninstall = installOffice(settings);
  // jsdom has neither ClipboardItem nor a working execCommand("copy"): the clipboard refuses.
  document.execCommand = () => false;
  render(<ExportDialog state={ready()} filter={NO_FILTER} onClose={() => undefined} />);
  expect([value("export-title"), value("export-meeting")]).toEqual(["Rådsmøtet", ""]);
  type("export-meeting", "Nasjonalt e-helseråd 21.09.2022");
  fireEvent.click(screen.getByTestId("export-copy"));
  await waitFor(() => expect(screen.getByTestId("export-status").getAttribute("data-kind")).toBe("error"));
  expect(screen.getByTestId("export-status").textContent).toBe(
    "Tabellen kunne ikke kopieres: Excel ga ikke tilgang til utklippstavlen. Klikk «Kopier tabell» en gang til. Går det ikke, last ned CSV og åpne den i Excel.",
  );
  expect(settings.saved.get(EXPORT_SETTING)).toBe('{"title":"Rådsmøtet","meeting":"Nasjonalt e-helseråd 21.09.2022"}');
  expect(settings.saves).toBe(1);
});

test("closing with changes saves them before the dialog goes; closing without changes saves nothing", async () => {
  const settings = new FakeDocumentSettings();
  uninstall = installOffice(settings);
  const onClose = jest.fn();
  const { unmount } = render(<ExportDialog state={ready("en")} filter={NO_FILTER} onClose={onClose} />);
  fireEvent.click(screen.getByTestId("export-close"));
  await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  expect(settings.saves).toBe(0);
  unmount();
  render(<ExportDialog state={ready("en")} filter={NO_FILTER} onClose={onClose} />);
  type("export-title", "Council ranking");
  fireEvent.click(screen.getByTestId("export-close"));
  await waitFor(() => expect(onClose).toHaveBeenCalledTimes(2));
  expect(settings.saved.get(EXPORT_SETTING)).toBe('{"title":"Council ranking","meeting":""}');
});

test("a save Excel refuses: the dialog says so and stays open once; the next close closes", async () => {
  const settings = new FakeDocumentSettings();
  settings.saveStatus = "failed";
  uninstall = installOffice(settings);
  const onClose = jest.fn();
  render(<ExportDialog state={ready()} filter={NO_FILTER} onClose={onClose} />);
  type("export-title", "Tittel");
  fireEvent.click(screen.getByTestId("export-close"));
  await waitFor(() => expect(screen.getByTestId("export-settings-status").textContent).toBe(
    "Tittelen og møtet ble ikke lagret i arbeidsboken (Excel tok ikke imot dem). Det du laget er ikke berørt; skriv dem inn igjen neste gang.",
  ));
  expect(onClose).not.toHaveBeenCalled();
  await act(async () => {
    fireEvent.click(screen.getByTestId("export-close"));
  });
  expect(onClose).toHaveBeenCalledTimes(1);
});
