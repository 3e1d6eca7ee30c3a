/**
 * The export dialog's memory in the workbook (Office document setting «prio.export»): a round
 * trip, what is stored by others or damaged is ignored without a crash, and a save Excel refuses
 * is reported as «failed», not as saved.
 */
import { EXPORT_SETTING, loadExportSettings, saveExportSettings, settingsDiffer } from "../../src/taskpane/export-settings";
import { FakeDocumentSettings, installOffice } from "./office-settings";

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

test("round trip: what is saved is read back, and is in the document as JSON", async () => {
  const settings = new FakeDocumentSettings();
  uninstall = installOffice(settings);
  expect(loadExportSettings()).toEqual({ title: "", meeting: "" });
  await expect(saveExportSettings({ title: "Prioritering 2022", meeting: "Nasjonalt e-helseråd 21.09.2022" })).resolves.toBe("saved");
  expect(settings.saves).toBe(1);
  expect(settings.saved.get(EXPORT_SETTING)).toBe('{"title":"Prioritering 2022","meeting":"Nasjonalt e-helseråd 21.09.2022"}');
  expect(loadExportSettings()).toEqual({ title: "Prioritering 2022", meeting: "Nasjonalt e-helseråd 21.09.2022" });
});

test.each([
  ["a string", "Prioritering", { title: "", meeting: "" }],
  ["a number", 42, { title: "", meeting: "" }],
  ["an array", ["a", "b"], { title: "", meeting: "" }],
  ["null", null, { title: "", meeting: "" }],
  ["fields of other types", { title: 7, meeting: { x: 1 } }, { title: "", meeting: "" }],
  ["one good field", { title: "Tittel", meeting: false, extra: "x" }, { title: "Tittel", meeting: "" }],
  ["line breaks and control characters", { title: "To\nlinjer\u0007", meeting: "  møte\t 4/21 " }, { title: "To linjer", meeting: "møte 4/21" }],
  ["an over-long title", { title: "x".repeat(500), meeting: "" }, { title: "x".repeat(200), meeting: "" }],
])("a stored value that is %s: only strings count", (_, stored, expected) => {
  uninstall = installOffice(new FakeDocumentSettings({ [EXPORT_SETTING]: stored }));
  expect(loadExportSettings()).toEqual(expected);
});

test("settings whose get throws, or no Office at all: blanks, no crash, nothing saved", async () => {
  uninstall = installOffice({
    get: () => {
      throw new Error("boom");
    },
    set: () => undefined,
    saveAsync: () => undefined,
  });
  expect(loadExportSettings()).toEqual({ title: "", meeting: "" });
  uninstall();
  uninstall = undefined;
  expect(loadExportSettings()).toEqual({ title: "", meeting: "" });
  await expect(saveExportSettings({ title: "T", meeting: "M" })).resolves.toBe("unavailable");
});

test("a save Excel refuses is «failed», and the document keeps what it had", async () => {
  const settings = new FakeDocumentSettings({ [EXPORT_SETTING]: { title: "Gammel", meeting: "" } });
  settings.saveStatus = "failed";
  uninstall = installOffice(settings);
  await expect(saveExportSettings({ title: "Ny", meeting: "" })).resolves.toBe("failed");
  expect(settings.saved.get(EXPORT_SETTING)).toBe('{"title":"Gammel","meeting":""}');
});

test("a set that throws (settings too large for the document) is «failed», not an exception", async () => {
  uninstall = installOffice({
    get: () => null,
    set: () => {
      throw new Error("quota");
    },
    saveAsync: () => undefined,
  });
  await expect(saveExportSettings({ title: "T", meeting: "M" })).resolves.toBe("failed");
});

test("settingsDiffer compares what would be kept", () => {
  expect(settingsDiffer({ title: "A", meeting: "" }, { title: "A", meeting: "" })).toBe(false);
  expect(settingsDiffer({ title: "A ", meeting: "" }, { title: "A", meeting: "" })).toBe(false);
  expect(settingsDiffer({ title: "A", meeting: "m" }, { title: "A", meeting: "" })).toBe(true);
});
