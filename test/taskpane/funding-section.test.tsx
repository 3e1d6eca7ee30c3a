/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The Utvalg view's «Hvor sikker er utvalget?» with the real computation, run inline (jsdom has no
// Worker): the table's shares are the core's for the same seed, recounted here from the draws'
// lists; sorting; «Hva må til»; cancel; a stale result withdrawn from the presenter.
import "./setup";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { DEFAULT_FUNDING, fund, type FundingResult } from "../../src/core/funding";
import type { SelectionProblem } from "../../src/core/selection-problem";
import { uncertaintyInput } from "../../src/core/uncertainty";
import { currentFunding, publishFunding } from "../../src/presenter/funding-channel";
import FundingSection from "../../src/taskpane/funding/FundingSection";
import { runFundingInline } from "../../src/taskpane/funding/inline-runner";
import type { FundingRunner } from "../../src/taskpane/funding/protocol";
import type { Assessment } from "../../src/core/assess";
import { assessInputs, readMeeting } from "./meeting";

let a: Assessment;
let problem: SelectionProblem;
/** The lists with the weights now, as the Utvalg view passes them (any fixed lists serve the view). */
let lists: Record<string, "minimum" | "plus" | "out">;

beforeAll(async () => {
  const meeting = await readMeeting();
  a = assessInputs(meeting.model, meeting.inputs);
  // The meeting's measures at 10 MNOK each, the third presupposing the first, frames 80 / 50 MNOK:
  // five on the minimum list, the fourth to seventh contested in the draws.
  problem = {
    items: a.measures.map((m, i) => ({ id: m.id, name: m.name, cost: 1000, score: m.total, requires: i === 2 ? [a.measures[0].id] : [], forced: null })),
    budget: 8000,
    minimum: 5000,
  };
  lists = Object.fromEntries(a.measures.map((m, i) => [m.id, i < 3 ? "minimum" : i < 5 ? "plus" : "out"]));
});
afterEach(() => {
  cleanup();
  publishFunding(null);
});

const options = (draws: number) => ({ ...DEFAULT_FUNDING, draws, seed: 7, core: 0.9, exterior: 0.1 });

async function runIn(draws: number, runner: FundingRunner = runFundingInline) {
  const view = render(<FundingSection lang="nb" assessment={a} problem={problem} lists={lists} runner={runner} />);
  fireEvent.change(screen.getByTestId("funding-draws"), { target: { value: String(draws) } });
  fireEvent.change(screen.getByTestId("funding-seed"), { target: { value: "7" } });
  fireEvent.change(screen.getByTestId("funding-core"), { target: { value: "90" } });
  fireEvent.click(screen.getByTestId("funding-run"));
  return view;
}

test("the table shows each measure's share of the draws selected, recounted from the core's lists for the same seed, with its label; sortable; the minimum list's shares on request", async () => {
  await runIn(200);
  await waitFor(() => expect(screen.getByTestId("funding-table")).toBeTruthy(), { timeout: 50_000 });
  const expected: FundingResult = await fund({ draws: uncertaintyInput(a), problem }, options(200));
  expect(expected.done).toBe(200);
  const n = expected.ids.length;
  // Recount every measure from the draws' lists (0 out, 1 minimum, 2 plus).
  const recount = (i: number, which: (l: number) => boolean) => {
    let c = 0;
    for (let d = 0; d < expected.done; d++) if (which(expected.lists[d * n + i])) c++;
    return c / expected.done;
  };
  const rows = screen.getAllByTestId("funding-row");
  expect(rows).toHaveLength(a.measures.length);
  const byId = new Map(rows.map((r) => [r.getAttribute("data-measure-id")!, r]));
  expected.ids.forEach((id, i) => {
    const p = recount(i, (l) => l > 0);
    expect(Number(byId.get(id)!.getAttribute("data-share"))).toBe(p);
    expect(byId.get(id)!.getAttribute("data-robust")).toBe(p >= 0.9 ? "core" : p <= 0.1 ? "exterior" : "borderline");
  });
  // Most certain first; then by name (Norwegian order), then the labels.
  const shares = rows.map((r) => Number(r.getAttribute("data-share")));
  expect(shares).toEqual([...shares].sort((x, y) => y - x));
  fireEvent.click(screen.getByTestId("funding-sort-name"));
  const names = screen.getAllByTestId("funding-row").map((r) => r.querySelector("button")!.textContent!);
  expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, "nb")));
  expect(screen.getByTestId("funding-setup").textContent).toBe(
    "200 trekk, alle løst eksakt (frø 7); vekter: hver vekt ±20\u00a0%; scorer: hver score ±1 på skalaen. Andel av trekkene der tiltaket er på minimumslisten, på plusslisten og med i det hele tatt. Kjerne: med i minst 90\u00a0% av trekkene; utenfor: i høyst 10\u00a0%; grense: imellom.",
  );
  fireEvent.change(screen.getByTestId("funding-show"), { target: { value: "minimum" } });
  for (const r of screen.getAllByTestId("funding-row")) {
    const i = expected.ids.indexOf(r.getAttribute("data-measure-id")!);
    expect(Number(r.getAttribute("data-share"))).toBe(recount(i, (l) => l === 1));
  }
  // The share printed beside the bar, and the whole row for a screen reader.
  const first = screen.getAllByTestId("funding-row")[0];
  const i0 = expected.ids.indexOf(first.getAttribute("data-measure-id")!);
  const pct = Math.round(recount(i0, (l) => l === 1) * 100);
  expect(first.querySelector('[role="img"]')!.getAttribute("aria-label")).toMatch(new RegExp(`: på minimumslisten i (${pct}|>99|<1)\u00a0% av trekkene; (kjerne|grense|utenfor); nå: (minimum|pluss|ikke med)$`));
}, 60_000);

test("«Hva må til»: a measure chosen by its name, wanted on the minimum list: the share of the draws in which it is, and the groups' mean weights in those draws", async () => {
  await runIn(200);
  await waitFor(() => expect(screen.getByTestId("funding-table")).toBeTruthy(), { timeout: 50_000 });
  const expected = await fund({ draws: uncertaintyInput(a), problem }, options(200));
  const n = expected.ids.length;
  const G = expected.groups.length;
  const onMin = (k: number) => {
    const ds: number[] = [];
    for (let d = 0; d < expected.done; d++) if (expected.lists[d * n + k] === 1) ds.push(d);
    return ds;
  };
  // A measure on the minimum list in some draws, not all. Chosen by its name, the question starts as
  // «on» for a measure off the minimum list now and «off» for one on it.
  const k = expected.ids.findIndex((id, i) => onMin(i).length > 0 && onMin(i).length < expected.done);
  expect(k).toBeGreaterThanOrEqual(0);
  const id = expected.ids[k];
  const name = expected.names[k];
  const row = screen.getAllByTestId("funding-row").find((r) => r.getAttribute("data-measure-id") === id)!;
  fireEvent.click(row.querySelector("button")!);
  expect((screen.getByTestId("funding-what-measure") as HTMLSelectElement).value).toBe(id);
  expect((screen.getByTestId("funding-what-want") as HTMLSelectElement).value).toBe(lists[id] === "minimum" ? "off" : "on");
  fireEvent.change(screen.getByTestId("funding-what-want"), { target: { value: "on" } });
  const draws = onMin(k);
  const text = screen.getByTestId("funding-what-text");
  expect(Number(text.getAttribute("data-share"))).toBe(draws.length / 200);
  // The weights table: each group's mean in those draws, recounted.
  const cells = Array.from(screen.getByTestId("funding-what-weights").querySelectorAll("tbody tr")).map((tr) => tr.querySelector("td")!.textContent);
  expect(cells).toHaveLength(G);
  for (let g = 0; g < G; g++) {
    const mean = draws.reduce((s, d) => s + expected.drawnWeights[d * G + g], 0) / draws.length;
    expect(cells[g]).toBe(mean.toLocaleString("nb-NO", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace(/\u2212/g, "-"));
  }
  expect(text.textContent!.startsWith(`${name} kommer på minimumslisten i `)).toBe(true);
  // Wanted off it instead: the other draws.
  fireEvent.change(screen.getByTestId("funding-what-want"), { target: { value: "off" } });
  expect(Number(screen.getByTestId("funding-what-text").getAttribute("data-share"))).toBe((200 - draws.length) / 200);
  expect(screen.getByTestId("funding-what-text").textContent!.startsWith(`${name} er utenfor minimumslisten i `)).toBe(true);
}, 60_000);

test("a finished run is published for the presenter and withdrawn when the frames change; cancel stops a run", async () => {
  const view = await runIn(100);
  await waitFor(() => expect(screen.getByTestId("funding-table")).toBeTruthy(), { timeout: 50_000 });
  await waitFor(() => expect(currentFunding()).not.toBeNull());
  const shown = currentFunding()!;
  // The presenter's page: the minimum list now, then at most three challengers.
  expect(shown.presenter.title).toBe("Hvor sikker er minimumslisten");
  expect(shown.presenter.rows.filter((r) => r.now).map((r) => r.id).sort()).toEqual(a.measures.slice(0, 3).map((m) => m.id).sort());
  expect(shown.presenter.rows.filter((r) => !r.now).length).toBeLessThanOrEqual(3);
  // Another frame: the result is stale, said so, and the presenter loses it.
  view.rerender(<FundingSection lang="nb" assessment={a} problem={{ ...problem, budget: 9000 }} lists={lists} runner={runFundingInline} />);
  expect(screen.getByTestId("funding-stale").textContent).toBe("Rammene, valgene eller scorene er endret siden dette ble beregnet. Beregn på nytt for å oppdatere.");
  expect(currentFunding()).toBeNull();

  // A run held until released: progress, then «Avbryt».
  let cancelled = false;
  let progress: (d: number, t: number) => void = () => undefined;
  const held: FundingRunner = (_req, onProgress) => {
    progress = onProgress;
    return { result: new Promise(() => undefined), cancel: () => (cancelled = true) };
  };
  cleanup();
  await runIn(1000, held);
  act(() => progress(250, 1000));
  expect(screen.getByTestId("funding-progress").getAttribute("data-done")).toBe("250");
  expect(screen.getByTestId("funding-progress").textContent).toContain("250 av 1\u00a0000 trekk");
  fireEvent.click(screen.getByTestId("funding-cancel"));
  expect(cancelled).toBe(true);
  expect(screen.getByTestId("funding-cancelled").textContent).toBe("Avbrutt. Velg «Beregn sannsynligheter» for å regne ut på nytt.");
}, 60_000);
