/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The Stabilitet view with the real analyses; the Monte Carlo runs inline (jsdom has no Worker).
import "./setup";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { withWeight } from "../../src/core/model";
import { DEFAULT_UNCERTAINTY, simulate, uncertaintyInput } from "../../src/core/uncertainty";
import type { RunHandle, UncertaintyRunner } from "../../src/taskpane/stability/protocol";
import { runInline } from "../../src/taskpane/stability/inline-runner";
import StabilityView from "../../src/taskpane/stability/StabilityView";
import { assessInputs, readMeeting, type Meeting } from "./meeting";

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
});
afterEach(cleanup);

test("the group intervals in plain words, with the tie and the top-5 cut", async () => {
  const a = assessInputs(meeting.model, meeting.inputs);
  render(<StabilityView assessment={a} lang="nb" runner={runInline} />);
  const sentences = screen.getAllByTestId("stability-sentence").map((e) => e.textContent);
  expect(sentences).toHaveLength(3);
  expect(sentences[0]).toBe(
    "Måloppnåelse kan veie fra 0,78 til 1,17 uten at noen plass endres; ved 1,17 går Implementering av DBEP forbi Kritisk info: Kommunal helse- og omsorg, og ved 0,78 går Dokumentdeling: Andre kommunal helse-omsorg forbi Dokumentdeling: Fastleger.",
  );
  expect(screen.getAllByTestId("stability-note").map((e) => e.textContent)).toContain("Står likt nå og teller ikke: Implementering av DBEP og Dokumentdeling: Legevakt/ØHD.");
  expect(screen.getAllByTestId("stability-cut")[0].textContent).toMatch(/^Topp 5: Måloppnåelse kan veie fra 0,28 til 1,17 uten at noen går inn i eller ut av topp 5/);
  // Every weight of the tree on request.
  fireEvent.click(screen.getByTestId("stability-all-nodes"));
  expect(screen.getAllByTestId("stability-interval")).toHaveLength(16);
}, 30_000);

test("the rank table shows the simulation's numbers, the same as the core's for the same seed", async () => {
  const a = assessInputs(meeting.model, meeting.inputs);
  render(<StabilityView assessment={a} lang="en" runner={runInline} />);
  await waitFor(() => expect(screen.getByTestId("rank-table")).toBeTruthy(), { timeout: 50_000 });
  const expected = simulate(uncertaintyInput(a), { ...DEFAULT_UNCERTAINTY, top: 5 });
  const rows = screen.getAllByTestId("rank-row");
  expect(rows).toHaveLength(13);
  rows.forEach((row, i) => {
    expect(row.getAttribute("data-measure-id")).toBe(expected.ids[i]);
    const cells = Array.from(row.querySelectorAll('[data-testid="rank-cell"]'));
    expect(cells.map((c) => Number(c.getAttribute("data-p")))).toEqual(expected.ranks[i]);
    // The number is in the cell, not only its colour.
    cells.forEach((c, k) => {
      const p = expected.ranks[i][k];
      // Whole per cent, an exact half rounded up (1450 of 10 000 draws is 15, though 0.145 · 100 is 14.4999… in binary).
      const r = Math.round(p * 100 + 1e-9);
      expect(c.textContent).toBe(p === 0 ? "0" : p >= 1 ? "100" : r === 0 ? "<1" : r === 100 ? ">99" : String(r));
    });
    expect(Number(row.querySelector('[data-testid="rank-top"]')!.getAttribute("data-p"))).toBe(expected.topN![i]);
  });
  expect(rows[0].textContent).toContain("PLL");
}, 60_000);

test("progress, cancel, and a new run when a weight changes", async () => {
  // A runner that holds each run until released, to see progress and cancel.
  const runs: { cancelled: boolean; finish: () => void; progress: (d: number, t: number) => void }[] = [];
  const held: UncertaintyRunner = (request, onProgress) => {
    let resolve: (r: ReturnType<typeof simulate> | null) => void = () => undefined;
    const entry = { cancelled: false, finish: () => resolve(simulate(request.input, request.options)), progress: onProgress };
    runs.push(entry);
    const handle: RunHandle = {
      result: new Promise((r) => (resolve = r)),
      cancel: () => {
        entry.cancelled = true;
        resolve(null);
      },
    };
    return handle;
  };
  const a = assessInputs(meeting.model, meeting.inputs);
  const view = render(<StabilityView assessment={a} lang="nb" runner={held} />);
  await waitFor(() => expect(runs).toHaveLength(1), { timeout: 10_000 });
  act(() => runs[0].progress(4000, 10000));
  expect(screen.getByTestId("stability-progress").getAttribute("data-done")).toBe("4000");
  expect(screen.getByText("4 000 av 10 000 trekninger")).toBeTruthy();
  fireEvent.click(screen.getByTestId("stability-cancel"));
  await waitFor(() => expect(screen.getByTestId("stability-cancelled")).toBeTruthy(), { timeout: 10_000 });
  expect(runs[0].cancelled).toBe(true);
  expect(screen.queryByTestId("rank-table")).toBeNull();

  fireEvent.click(screen.getByTestId("stability-run"));
  await waitFor(() => expect(runs).toHaveLength(2), { timeout: 10_000 });
  await act(async () => runs[1].finish());
  await waitFor(() => expect(screen.getByTestId("rank-table")).toBeTruthy(), { timeout: 10_000 });

  // A weight change: a new run starts; the old table says it is out of date once the run is cancelled.
  const heavier = assessInputs(withWeight(meeting.model, "nytte", 2), meeting.inputs);
  view.rerender(<StabilityView assessment={heavier} lang="nb" runner={held} />);
  await waitFor(() => expect(runs).toHaveLength(3), { timeout: 10_000 });
  fireEvent.click(screen.getByTestId("stability-cancel"));
  await waitFor(() => expect(screen.getByTestId("stability-stale")).toBeTruthy(), { timeout: 10_000 });
  // The same values again (a new assessment object) do not start another run.
  view.rerender(<StabilityView assessment={assessInputs(withWeight(meeting.model, "nytte", 2), meeting.inputs)} lang="nb" runner={held} />);
  await new Promise((r) => setTimeout(r, 400));
  expect(runs).toHaveLength(3);
}, 60_000);
