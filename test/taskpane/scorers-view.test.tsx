/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The Vurderere view over the real controller and the in-memory workbook: it reads and writes
// through AppController.scorers (no Excel global), Opprett makes the sheet and the recompute
// follows, a refusal is shown as a warning in the view; a controller without scorers has no tab.
import "./setup";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { assess } from "../../src/core/assess";
import { defaultModel } from "../../src/core/model";
import { ExcelController } from "../../src/excel/controller";
import { createLayout } from "../../src/excel/layout";
import { SHEETS } from "../../src/grid/layout";
import { SCORERS_SHEET, SCORERS_TABLE } from "../../src/grid/scorers-layout";
import { newStore } from "../../src/grid/store";
import { SimWorkbook } from "../../src/sim/workbook";
import { App } from "../../src/taskpane/components/App";
import type { AppState } from "../../src/app/app-state";
import { FakeController } from "./fake-controller";

afterEach(cleanup);

const model = defaultModel();

async function workbook(): Promise<SimWorkbook> {
  const wb = SimWorkbook.fromGrids([{ name: "Ark1", rows: [] }]);
  const rows = [1, 2].map((i) => ({ id: `T000${i}`, name: `Tiltak ${i}`, theme: "", actor: "", scores: new Array(11).fill(5 + i), comment: "" }));
  await wb.run((ctx) => createLayout(ctx, model, rows, newStore(model, 3, "nb"), "nb"));
  return wb;
}

test("Opprett arket Vurderere through the controller: the sheet, the recompute, the view read again", async () => {
  const wb = await workbook();
  const c = new ExcelController({ run: (b) => wb.run(b) }, "nb", { debounceMs: 5 });
  await c.start();
  const before = c.getState().assessment;
  render(<App controller={c} />);
  fireEvent.click(screen.getByTestId("tab-scorers"));
  // The view asked the controller for a read: no sheet yet, so the offer to create it.
  await screen.findByTestId("scorers-create", undefined, { timeout: 10_000 });
  expect(c.getState().scorers).toMatchObject({ hasSheet: false });
  await act(async () => {
    fireEvent.click(screen.getByTestId("scorers-create"));
  });
  await waitFor(() => expect(c.getState().scorers?.hasSheet).toBe(true), { timeout: 10_000 });
  expect(wb.tableNames()).toContain(SCORERS_TABLE);
  expect(wb.getCell(SCORERS_SHEET, "C1").value).toBe("Vurderer");
  // The recompute followed the write (a new assessment), and the offer is gone.
  expect(c.getState().assessment).not.toBe(before);
  await waitFor(() => expect(screen.queryByTestId("scorers-create")).toBeNull());
  expect(screen.getByTestId("scorers-none")).toBeTruthy();
  expect(c.getState().busy).toBe(false);
});

test("a refusal is the view's warning, and nothing is written", async () => {
  const wb = await workbook();
  const c = new ExcelController({ run: (b) => wb.run(b) }, "en", { debounceMs: 5 });
  await c.start();
  render(<App controller={c} />);
  fireEvent.click(screen.getByTestId("tab-scorers"));
  await screen.findByTestId("scorers-create", undefined, { timeout: 10_000 });
  // Someone makes a sheet called Vurderere of their own before the click.
  wb.addSheet(SCORERS_SHEET);
  wb.userEdit(SCORERS_SHEET, "A1", "mine");
  await act(async () => {
    fireEvent.click(screen.getByTestId("scorers-create"));
  });
  const message = await screen.findByTestId("scorers-message", undefined, { timeout: 10_000 });
  expect(message.getAttribute("data-intent")).toBe("warning");
  expect(message.textContent).toContain("“Vurderere”");
  expect(wb.getCell(SCORERS_SHEET, "A1").value).toBe("mine");
  expect(wb.tableNames()).not.toContain(SCORERS_TABLE);
  expect(wb.sheetNames()).toContain(SHEETS.ranking);
});

test("a controller without scorers actions has no Vurderere tab", () => {
  const state: AppState = { status: "ready", lang: "nb", busy: false, hasLegacySheets: false, assessment: assess(model, []) };
  render(<App controller={new FakeController(state)} />);
  expect(screen.queryByTestId("tab-scorers")).toBeNull();
  expect(screen.getByTestId("tab-ranking")).toBeTruthy();
});
