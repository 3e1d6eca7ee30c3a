/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's export conditions: exceljs (which reads the meeting fixture) needs uuid's CommonJS build.
import "./setup";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { allFindings } from "../../src/core/assess";
import { finding, type Finding } from "../../src/core/findings";
import { defaultModel } from "../../src/core/model";
import { FindingsView } from "../../src/taskpane/components/FindingsView";
import { findingMessage } from "../../src/i18n";
import type { AppState } from "../../src/app/app-state";
import { App } from "../../src/taskpane/components/App";
import { findingsAt } from "./dom";
import { FakeController } from "./fake-controller";
import { assessInputs, readMeeting, type Meeting } from "./meeting";

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
});
afterEach(cleanup);

function legacy(patch: Partial<AppState> = {}): AppState {
  return { status: "legacy", lang: "nb", assessment: meeting.legacy, model: meeting.model, busy: false, hasLegacySheets: true, lastRecomputeMs: 120, ...patch };
}

function openFindings(controller: FakeController) {
  render(<App controller={controller} />);
  fireEvent.click(screen.getByTestId("tab-findings"));
}

describe("Funn", () => {
  test("every finding of the assessment, grouped Feil / Advarsel / Merknad with counts, in plain words", () => {
    const all = allFindings(meeting.legacy);
    openFindings(new FakeController(legacy()));
    const items = screen.getAllByTestId("finding");
    expect(items).toHaveLength(all.length);
    const count = (s: string) => all.filter((f) => f.severity === s).length;
    expect(within(screen.getByTestId("findings-error")).getByRole("heading").textContent).toBe(`Feil (${count("error")})`);
    expect(within(screen.getByTestId("findings-warning")).getByRole("heading").textContent).toBe(`Advarsel (${count("warning")})`);
    expect(within(screen.getByTestId("findings-info")).getByRole("heading").textContent).toBe(`Merknad (${count("info")})`);
    // Sections in severity order, errors first.
    expect(items[0].getAttribute("data-severity")).toBe("error");
    expect(items[0].getAttribute("data-code")).toBe("cell-text");
    const text = findingsAt("'Kritisk info'!F9", "cell-text");
    expect(text).toHaveLength(1);
    const f = all.find((x) => x.code === "cell-text")!;
    expect(text[0].textContent).toContain(findingMessage(f, "nb", meeting.model));
    expect(text[0].textContent).toContain("«Sjekke med jurist?» i Juridisk utvikling er tekst, ikke en score");
  });

  test("the tab carries a count badge", () => {
    render(<App controller={new FakeController(legacy())} />);
    const n = allFindings(meeting.legacy).length;
    const tab = screen.getByTestId("tab-findings");
    expect(tab.getAttribute("data-count")).toBe(String(n));
    // Named by what it shows («Funn 35»), the count in words as its description.
    expect(tab.getAttribute("aria-label")).toBeNull();
    expect(tab.textContent).toContain(`Funn${n}`);
    expect(tab.getAttribute("title")).toBe(`${n} funn`);
  });

  test("clicking a finding's cell selects it in the workbook", () => {
    const controller = new FakeController(legacy());
    openFindings(controller);
    const [item] = findingsAt("'Kritisk info'!F9", "cell-text");
    const link = within(item).getByTestId("finding-cell-link");
    expect(link.textContent).toBe("Kritisk info!F9");
    expect(link.getAttribute("aria-label")).toBe("Gå til Kritisk info!F9");
    fireEvent.click(link);
    expect(controller.callsOf("selectCell")).toEqual([["'Kritisk info'!F9"]]);
  });

  test("«Synkroniser» with its explanation when the workbook has legacy sheets, and only then", () => {
    const controller = new FakeController(legacy());
    openFindings(controller);
    const sync = screen.getByTestId("sync-legacy");
    expect(sync.textContent).toBe("Synkroniser");
    expect(screen.getByText(/fører det som sto der før, i arket Logg/)).toBeTruthy();
    // It asks first: the button works out the plan, nothing is written yet.
    fireEvent.click(sync);
    expect(controller.callsOf("planSync")).toEqual([[]]);
    expect(controller.callsOf("syncLegacy")).toEqual([]);
    act(() => controller.emit({ hasLegacySheets: false }));
    expect(screen.queryByTestId("sync-legacy")).toBeNull();
  });

  test("the plan is shown with the cells and sheets it will write; only «Skriv i arkene» writes, «Avbryt» drops it", async () => {
    const controller = new FakeController(legacy({ syncPlan: { cells: 37, sheets: ["DBEP", "Dokumentdeling", "Samlet"] } }));
    openFindings(controller);
    expect(screen.getByTestId("sync-plan").textContent).toBe(
      "Synkroniser skriver i 37 celler på 3 ark: DBEP, Dokumentdeling og Samlet. Det som står i cellene nå, føres i arket Logg.",
    );
    expect((screen.getByTestId("sync-legacy") as HTMLButtonElement).disabled).toBe(true);
    // Focus starts on the harmless choice.
    expect(document.activeElement).toBe(screen.getByTestId("sync-cancel"));
    fireEvent.click(screen.getByTestId("sync-cancel"));
    expect(controller.callsOf("cancelSync")).toEqual([[]]);
    expect(controller.callsOf("syncLegacy")).toEqual([]);
    fireEvent.click(screen.getByTestId("sync-confirm-write"));
    expect(controller.callsOf("syncLegacy")).toEqual([[]]);
    act(() => controller.emit({ syncPlan: { cells: 1, sheets: ["Samlet"] }, lang: "en" }));
    expect(screen.getByTestId("sync-plan").textContent).toBe(
      "Synchronise writes to 1 cell on 1 sheet: Samlet. What the cells hold now is logged on the Logg sheet.",
    );
    expect(screen.getByTestId("sync-confirm-write").textContent).toBe("Write to the sheets");
  });

  test("in English the same findings are in English", () => {
    openFindings(new FakeController(legacy({ lang: "en" })));
    const [item] = findingsAt("'Kritisk info'!F9", "cell-text");
    expect(item.textContent).toContain("“Sjekke med jurist?” in Legal development is text, not a score");
    expect(within(screen.getByTestId("findings-error")).getByRole("heading").textContent).toBe("Error (1)");
    expect(screen.getByTestId("sync-legacy").textContent).toBe("Synchronise");
  });

  test("a clean assessment says there are no findings", () => {
    const clean = meeting.inputs.filter((m) => m.id === "legemidler.pll");
    const a = assessInputs(meeting.model, clean);
    openFindings(new FakeController({ status: "ready", lang: "nb", assessment: a, model: meeting.model, busy: false, hasLegacySheets: false }));
    expect(screen.getByTestId("findings-empty").textContent).toContain("Ingen funn");
    expect(screen.getByTestId("tab-findings").getAttribute("data-count")).toBe("0");
  });
});

describe("Funn: rows that look like measures below a table", () => {
  const below = (extend: boolean): Finding =>
    finding("table-rows-outside", "warning", { sheet: "Vurdering", table: "PrioVurdering", where: "below", row: 33, count: 1970, last: 2002, extend }, { cell: "Vurdering!A33" });
  function show(findings: Finding[], lang: "nb" | "en" = "nb") {
    const calls: string[] = [];
    const actions = { selectCell: () => {}, syncLegacy: () => {}, planSync: () => {}, cancelSync: () => {}, resolveOrphan: () => {}, extendTable: (t: string) => calls.push(t) };
    render(<FindingsView findings={findings} model={defaultModel()} lang={lang} hasLegacySheets={false} busy={false} actions={actions} />);
    return calls;
  }

  test("«Utvid tabellen til rad 2002» extends the table named by the finding; the finding names the first row", () => {
    const calls = show([below(true)]);
    const [item] = findingsAt("Vurdering!A33", "table-rows-outside");
    expect(item.textContent).toContain("1970 rader fra rad 33 (til rad 2002) under tabellen på arket Vurdering ser ut som tiltak, men er utenfor tabellen og er ikke med.");
    const button = within(item).getByTestId("finding-extend-table");
    expect(button.textContent).toBe("Utvid tabellen til rad 2002");
    expect(button.getAttribute("title")).toBe("Tabellen på arket Vurdering utvides ned til rad 2002, så radene under den tas med. Ingen celler skrives over.");
    fireEvent.click(button);
    expect(calls).toEqual(["PrioVurdering"]);
  });

  test("in English; and no offer when something stands between the table and the rows", () => {
    show([below(true)], "en");
    expect(screen.getByTestId("finding-extend-table").textContent).toBe("Extend the table to row 2002");
    cleanup();
    show([below(false)]);
    expect(screen.queryByTestId("finding-extend-table")).toBeNull();
    expect(screen.getByTestId("finding").textContent).toContain("Flytt dem inn i tabellen (det står noe mellom tabellen og dem)");
  });
});
