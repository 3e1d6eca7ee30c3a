/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The baseline in Rangering («ny», arrows against the round, kept when the assessment changes) and
// the Runder view (save, delete asks first, the comparison with numbers in the locale).
import "./setup";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { assess } from "../../src/core/assess";
import { withWeight } from "../../src/core/model";
import { baselineOf, roundFromAssessment } from "../../src/core/rounds";
import type { AppState, RoundActions } from "../../src/app/app-state";
import { RankingView } from "../../src/taskpane/components/RankingView";
import RoundsView from "../../src/taskpane/rounds/RoundsView";
import { readMeeting, type Meeting } from "./meeting";

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
});
afterEach(cleanup);

const moveOf = (id: string) => document.querySelector(`[data-testid="ranking-row"][data-measure-id="${id}"] [data-testid="rank-move"]`)?.getAttribute("data-move") ?? "";

test("Rangering shows movement against the baseline, «ny» for a measure it did not rank, and keeps it over later assessments", () => {
  const before = assess(meeting.model, meeting.inputs.slice(1));
  const round = roundFromAssessment(before, { id: "R1", name: "Før pausen", savedAt: "2026-11-27T10:00:00.000Z", source: "workbook" });
  const now = assess(withWeight(meeting.model, "nytte", 2), meeting.inputs);
  const { rerender } = render(<RankingView assessment={now} lang="nb" baseline={baselineOf(round)} />);
  expect(screen.getByTestId("ranking-since").textContent).toBe("Bevegelse siden «Før pausen»");
  const was = new Map(round.measures.map((m) => [m.id, m.rank]));
  const expected = (a: typeof now) =>
    a.measures
      .filter((m) => m.rank !== null)
      .map((m) => {
        const r = was.get(m.id);
        return [m.id, r === undefined || r === null ? "new" : r === m.rank ? "" : r > m.rank! ? `up${r - m.rank!}` : `down${m.rank! - r}`];
      });
  const shown = (a: typeof now) => a.measures.filter((m) => m.rank !== null).map((m) => [m.id, moveOf(m.id)]);
  expect(shown(now)).toEqual(expected(now));
  expect(shown(now).filter(([, m]) => m === "new")).toEqual([[meeting.inputs[0].id, "new"]]);
  const fresh = document.querySelector('[data-move="new"]')!;
  expect([fresh.textContent, fresh.getAttribute("aria-label")]).toEqual(["ny", "Ny siden runden «Før pausen»"]);
  // Another assessment (an unrelated edit): still against the round, not against the previous assessment.
  const again = assess(withWeight(meeting.model, "nytte", 2), meeting.inputs);
  rerender(<RankingView assessment={again} lang="nb" baseline={baselineOf(round)} />);
  expect(shown(again)).toEqual(expected(again));
});

function fakeRounds(): RoundActions & { calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const rec =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, args]);
      return Promise.resolve();
    };
  return { calls, load: rec("load"), save: rec("save"), remove: rec("remove"), choose: rec("choose"), importFile: rec("importFile") };
}

test("Runder: a name is saved exactly as typed, deleting asks first, and the comparison lists what changed in the locale", async () => {
  const model = meeting.model;
  const before = assess(model, meeting.inputs);
  const round = roundFromAssessment(before, { id: "R1", name: "Runde 1", savedAt: "2026-11-27T10:00:00.000Z", source: "workbook" });
  const inputs = meeting.inputs.map((m, i) => (i === 0 ? { ...m, scores: { ...m.scores, "maal.behov": { value: 2, address: "Vurdering!E3" } } } : m));
  const now = assess(withWeight(model, "kost", 1.5), inputs);
  const rounds = fakeRounds();
  const state: AppState = {
    status: "ready",
    lang: "nb",
    busy: false,
    hasLegacySheets: false,
    assessment: now,
    model: now.model,
    baseline: baselineOf(round),
    rounds: { rounds: [round], findings: [], pinned: null },
  };
  await act(async () => {
    render(<RoundsView state={state} rounds={rounds} />);
  });
  expect(rounds.calls[0]).toEqual(["load", []]);

  fireEvent.change(screen.getByTestId("round-name"), { target: { value: "=1+1 «runde»" } });
  await act(async () => {
    fireEvent.click(screen.getByTestId("round-save"));
  });
  expect(rounds.calls[1]).toEqual(["save", ["=1+1 «runde»"]]);
  // Saved: the field is empty for the next round.
  expect((screen.getByTestId("round-name") as HTMLInputElement).value).toBe("");

  fireEvent.click(screen.getByTestId("round-delete"));
  expect(rounds.calls).toHaveLength(2);
  fireEvent.click(screen.getByTestId("round-delete-cancel"));
  fireEvent.click(screen.getByTestId("round-delete"));
  fireEvent.click(within(screen.getByTestId("round-delete-confirm")).getByTestId("round-delete-yes"));
  expect(rounds.calls[2]).toEqual(["remove", ["R1"]]);

  const m0 = now.measures.find((m) => m.id === meeting.inputs[0].id)!;
  const was = before.measures.find((m) => m.id === m0.id)!;
  const cell = screen.getByTestId("compare-cell");
  expect(cell.getAttribute("data-cell")).toBe("Vurdering!E3");
  expect(cell.textContent).toMatch(/Informasjonsbehov: \d+ → 2$/);
  expect(screen.getByTestId("compare-weight").textContent).toBe("Kostnader: 1 → 1,5");
  const total = screen.getAllByTestId("compare-total").find((e) => e.getAttribute("data-measure-id") === m0.id)!;
  const nb = (v: number) => v.toFixed(1).replace(".", ",");
  expect(total.textContent!.endsWith(`${nb(was.total!)} → ${nb(m0.total!)}`)).toBe(true);
});
