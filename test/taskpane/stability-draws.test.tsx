/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The Stabilitet view's choice of draws and its «Hvem slår hvem» table, with the real Monte Carlo.
import "./setup";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { DEFAULT_UNCERTAINTY, simulate, uncertaintyInput, type UncertaintyOptions } from "../../src/core/uncertainty";
import { enStability, nbStability, percentCell } from "../../src/i18n/stability";
import { DEFAULT_FIELDS, readFields, type DrawField, type DrawFields } from "../../src/taskpane/stability/draw-settings";
import { DrawControls } from "../../src/taskpane/stability/DrawControls";
import type { RunRequest, UncertaintyRunner } from "../../src/taskpane/stability/protocol";
import StabilityView from "../../src/taskpane/stability/StabilityView";
import { assessInputs, readMeeting, type Meeting } from "./meeting";

let meeting: Meeting;
beforeAll(async () => {
  meeting = await readMeeting();
});
afterEach(cleanup);

/** A runner that records each request and answers with the real simulation at once. */
function recording(): { runner: UncertaintyRunner; requests: RunRequest[] } {
  const requests: RunRequest[] = [];
  const runner: UncertaintyRunner = (request) => {
    requests.push(request);
    return { result: Promise.resolve(simulate(request.input, request.options)), cancel: () => undefined };
  };
  return { runner, requests };
}

describe("the fields, read as the command line reads its options", () => {
  test("the defaults: ±20 %, scores ±1 — the core's defaults", () => {
    expect(readFields(DEFAULT_FIELDS)).toEqual({ ok: true, weights: DEFAULT_UNCERTAINTY.weights, scores: DEFAULT_UNCERTAINTY.scores });
  });
  test.each([
    [{ weights: "relative", weightSpread: "12,5" }, { kind: "relative", spread: 0.125 }],
    [{ weights: "relative", weightSpread: "0" }, { kind: "none" }],
    [{ weights: "simplex", radius: "30 %" }, { kind: "simplex", radius: 0.3 }],
    [{ weights: "simplex", radius: "100" }, { kind: "simplex" }],
    [{ weights: "none", weightSpread: "tull" }, { kind: "none" }],
  ] as const)("weights %j → %j", (f, weights) => {
    const r = readFields({ ...DEFAULT_FIELDS, ...f });
    expect(r).toEqual({ ok: true, weights, scores: DEFAULT_UNCERTAINTY.scores });
  });
  test.each([
    [{ weightSpread: "100" }, "weightSpread"],
    [{ weightSpread: "-5" }, "weightSpread"],
    [{ weightSpread: "mye" }, "weightSpread"],
    [{ weightSpread: "" }, "weightSpread"],
    [{ weights: "simplex", radius: "0" }, "radius"],
    [{ weights: "simplex", radius: "101" }, "radius"],
    [{ scoreSpread: "-1" }, "scoreSpread"],
    [{ scoreSpread: "1,2,3" }, "scoreSpread"],
  ] as const)("%j is refused, naming %s", (f, field) => {
    expect(readFields({ ...DEFAULT_FIELDS, ...f })).toEqual({ ok: false, field });
  });
  test("scores ±0,5 with a decimal comma; none keeps them", () => {
    expect(readFields({ ...DEFAULT_FIELDS, scoreSpread: "0,5" })).toEqual({ ok: true, weights: DEFAULT_UNCERTAINTY.weights, scores: { kind: "uniform", spread: 0.5 } });
    expect(readFields({ ...DEFAULT_FIELDS, scores: "none", scoreSpread: "x" })).toEqual({ ok: true, weights: DEFAULT_UNCERTAINTY.weights, scores: { kind: "none" } });
  });
  test("the stability catalog: the same keys in bokmål and English, none empty", () => {
    expect(Object.keys(enStability).sort()).toEqual(Object.keys(nbStability).sort());
    for (const v of [...Object.values(nbStability), ...Object.values(enStability)]) expect(v.trim()).not.toBe("");
  });
});

test("the choice of draws goes to the run; a bad number is named and nothing runs", async () => {
  const { runner, requests } = recording();
  const a = assessInputs(meeting.model, meeting.inputs);
  render(<StabilityView assessment={a} lang="nb" runner={runner} />);
  await waitFor(() => expect(requests).toHaveLength(1), { timeout: 10_000 });
  expect([requests[0].options.weights, requests[0].options.scores]).toEqual([DEFAULT_UNCERTAINTY.weights, DEFAULT_UNCERTAINTY.scores]);
  expect(screen.getByText(/^10 000 trekninger; vekter: hver vekt ±20 %; scorer: hver score ±1 på skalaen\./)).toBeTruthy();
  // The three choices are named by the labels shown above them.
  expect(screen.getByLabelText("Vekter")).toBe(screen.getByTestId("stability-weights"));
  expect(screen.getByLabelText("Scorer")).toBe(screen.getByTestId("stability-scores"));
  expect(screen.getByLabelText("Trekninger")).toBe(screen.getByTestId("stability-draws"));

  // Around the weights now, 30 % spread freely; scores as now.
  fireEvent.change(screen.getByTestId("stability-weights"), { target: { value: "simplex" } });
  fireEvent.change(screen.getByTestId("stability-scores"), { target: { value: "none" } });
  await waitFor(() => expect(requests.at(-1)!.options.weights).toEqual({ kind: "simplex", radius: 0.3 }), { timeout: 10_000 });
  expect(requests.at(-1)!.options.scores).toEqual({ kind: "none" });
  await waitFor(() =>
    expect(
      screen.getByText(/vekter: gruppenes andeler trukket jevnt rundt andelene nå \(hver gruppe beholder minst 70 % av sin andel, 30 % fordeles tilfeldig\); scorer: som nå\./),
    ).toBeTruthy(),
  );

  // A radius of 0 is refused by name; no run starts, and «Beregn usikkerhet» is not offered.
  const before = requests.length;
  fireEvent.change(screen.getByTestId("stability-radius"), { target: { value: "0" } });
  const error = await screen.findByTestId("stability-settings-error");
  expect(error.textContent).toBe("«Fritt fordelt %» må være et tall over 0 og høyst 100.");
  expect(error.getAttribute("data-field")).toBe("radius");
  await new Promise((r) => setTimeout(r, 400));
  expect(requests).toHaveLength(before);
  expect(screen.queryByTestId("stability-run")).toBeNull();

  // Back to ±x %: 100 is refused, 12,5 runs.
  fireEvent.change(screen.getByTestId("stability-weights"), { target: { value: "relative" } });
  fireEvent.change(screen.getByTestId("stability-weight-spread"), { target: { value: "100" } });
  expect((await screen.findByTestId("stability-settings-error")).textContent).toBe("«Vekter ± %» må være et tall fra 0 til under 100.");
  fireEvent.change(screen.getByTestId("stability-weight-spread"), { target: { value: "12,5" } });
  await waitFor(() => expect(requests.at(-1)!.options.weights).toEqual({ kind: "relative", spread: 0.125 }), { timeout: 10_000 });
  expect(screen.queryByTestId("stability-settings-error")).toBeNull();
}, 60_000);

test("Who beats whom: rows and columns in rank order, every cell the run's probability, printed", async () => {
  const { runner, requests } = recording();
  const a = assessInputs(meeting.model, meeting.inputs);
  render(<StabilityView assessment={a} lang="en" runner={runner} />);
  await waitFor(() => expect(screen.getByTestId("pairwise-table")).toBeTruthy(), { timeout: 30_000 });
  // The same run as the rank table: one request, and the core's answer for the same options.
  expect(requests).toHaveLength(1);
  const options: UncertaintyOptions = { ...DEFAULT_UNCERTAINTY, top: 5 };
  expect(requests[0].options).toEqual(options);
  const expected = simulate(uncertaintyInput(a), options);
  const rows = screen.getAllByTestId("pairwise-row");
  expect(rows.map((r) => r.getAttribute("data-measure-id"))).toEqual(expected.ids);
  rows.forEach((row, i) => {
    expect(row.querySelector("th")!.textContent).toContain(expected.names[i]);
    const cells = Array.from(row.querySelectorAll('[data-testid="pairwise-cell"]'));
    expect(cells.map((c) => c.getAttribute("data-other-id"))).toEqual(expected.ids.filter((_, j) => j !== i));
    cells.forEach((c) => {
      const j = expected.ids.indexOf(c.getAttribute("data-other-id")!);
      expect(Number(c.getAttribute("data-p"))).toBe(expected.beats![i][j]);
      expect(Number(c.getAttribute("data-tie"))).toBe(expected.ties![i][j]);
      expect(c.textContent).toBe(percentCell(expected.beats![i][j]));
      // Read out as shown: «<1» is «less than 1%», «>99» «more than 99%».
      const words = { "<1": "less than 1%", ">99": "more than 99%" }[c.textContent!] ?? `${c.textContent}%`;
      expect(c.getAttribute("aria-label")).toContain(` in ${words} of the draws`);
    });
  });
  // PLL stands before the last measure in every draw; the label reads it out in words.
  const pllLast = rows[0].querySelector(`[data-other-id="${expected.ids[12]}"]`)!;
  expect(pllLast.textContent).toBe("100");
  expect(pllLast.getAttribute("aria-label")).toBe(`Legemidler: PLL stands before ${expected.names[12]} in 100% of the draws`);
  // The columns are marked with the place now (the tie as 6=), in the same order as the rows.
  const heads = Array.from(screen.getByTestId("pairwise-table").querySelectorAll("thead th")).slice(1).map((th) => th.textContent);
  expect(heads).toEqual(["1", "2", "3", "4", "5", "6=", "6=", "8", "9", "10", "11", "12", "13"]);
}, 60_000);

test("a measure at 0 in a place shows 0, as the presenter and the slide do", async () => {
  const { runner } = recording();
  const a = assessInputs(meeting.model, meeting.inputs);
  render(<StabilityView assessment={a} lang="nb" runner={runner} />);
  await waitFor(() => expect(screen.getByTestId("rank-table")).toBeTruthy(), { timeout: 30_000 });
  const zero = screen.getAllByTestId("rank-cell").find((c) => Number(c.getAttribute("data-p")) === 0)!;
  expect(zero.textContent).toBe("0");
  await act(async () => undefined);
});

describe("what is drawn, in words under the settings (the README's and the acceptability slide's)", () => {
  const shown = () => screen.getByTestId("stability-draw-model").textContent;
  function controls(fields: Partial<DrawFields>, lang: "nb" | "en" = "nb", bad: DrawField | null = null) {
    render(<DrawControls fields={{ ...DEFAULT_FIELDS, ...fields }} onChange={() => undefined} bad={bad} lang={lang} />);
  }

  test("the defaults: every weight, the questions' too, times its own uniform factor in [0,8, 1,2]; every score plus its own uniform amount in [−1, +1], kept within the scale", () => {
    controls({});
    expect(shown()).toBe(
      "Vekter: i hver trekning ganges hver vekt i treet – gruppene og hvert spørsmål under dem – med sin egen faktor, trukket jevnt og uavhengig mellom 0,8 og 1,2 (1 − 20\u00a0% og 1 + 20\u00a0%). En vekt på 0 forblir 0. " +
        "Scorer: i hver trekning får hver gyldig score lagt til sitt eget tall, trukket jevnt og uavhengig mellom −1 og +1 (i 65 536 like trinn), og summen holdes innenfor skalaen. Tomme celler og celler som ikke er scorer, forblir utenfor, så hver trekning rangerer de samme tiltakene.",
    );
    cleanup();
    controls({ weightSpread: "12,5", scoreSpread: "0,5" }, "en");
    expect(shown()).toBe(
      "Weights: in each draw every weight in the tree – the groups and every question under them – is multiplied by its own factor, drawn uniformly and independently between 0.875 and 1.125 (1 − 12.5% and 1 + 12.5%). A weight of 0 stays 0. " +
        "Scores: in each draw every valid score gets its own amount added, drawn uniformly and independently between −0.5 and +0.5 (in 65,536 equal steps), and the sum is kept within the scale. Blank cells and cells that are not scores stay left out, so every draw ranks the same measures.",
    );
  });

  test("around the weights now, scores as now; nothing when a field is bad (its message stands instead)", () => {
    controls({ weights: "simplex", radius: "30", scores: "none" });
    expect(shown()).toBe(
      "Vekter: i hver trekning trekkes gruppenes andeler jevnt rundt andelene nå: hver gruppe beholder minst 70\u00a0% av sin andel, og 30\u00a0% av helheten fordeles tilfeldig; vektene under gruppene er som nå. Scorer: som de står i hver trekning.",
    );
    cleanup();
    controls({ scoreSpread: "-1" }, "nb", "scoreSpread");
    expect(screen.queryByTestId("stability-draw-model")).toBeNull();
  });
});
