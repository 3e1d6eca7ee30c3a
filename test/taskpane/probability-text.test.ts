// One figure, one text: a Monte Carlo probability is printed by one rule in the pane, the
// presenter, the slides and the command line («0»/«100» only for no/every draw, «<1»/«>99» near
// them), read out in words that say the same («under 1 %», not «0 %»), and every heat shade has
// text of at least 4.5:1.
import { DEFAULT_UNCERTAINTY, simulate, uncertaintyInput } from "../../src/core/uncertainty";
import { acceptabilityTable, contrastRatio, heatColour, percentText } from "../../src/export/acceptability";
import { probabilityFigure, probabilitySpoken, probabilityText } from "../../src/i18n/format";
import { percentCell } from "../../src/i18n/stability";
import { acceptabilityShown } from "../../src/presenter/acceptability-payload";
import { heat } from "../../src/taskpane/stability/heat";
import { assessInputs, readMeeting } from "./meeting";

describe("the probability rule", () => {
  test("exact figures at and around the ends", () => {
    const cases: [number, string][] = [
      [0, "0"],
      [1e-9, "<1"],
      [0.0049, "<1"],
      [0.005, "1"],
      [0.0149, "1"],
      [0.62, "62"],
      [0.9949, "99"],
      [0.995, ">99"],
      [0.999999, ">99"],
      [1, "100"],
    ];
    expect(cases.map(([p]) => probabilityFigure(p))).toEqual(cases.map(([, f]) => f));
  });

  test("«0» exactly when no draw, «100» exactly when every draw (every count of up to 300 draws)", () => {
    const wrong: string[] = [];
    for (let draws = 1; draws <= 300; draws++)
      for (let k = 0; k <= draws; k++) {
        // Between the ends: the whole per cent rounded half up on the exact fraction (100·k/draws = q + rest/draws), or <1 / >99 where that reaches an end.
        const q = Math.floor((100 * k) / draws);
        const r = 2 * ((100 * k) % draws) >= draws ? q + 1 : q;
        const want = k === 0 ? "0" : k === draws ? "100" : r === 0 ? "<1" : r === 100 ? ">99" : String(r);
        const f = probabilityFigure(k / draws);
        if (f !== want) wrong.push(`${k}/${draws}: ${f}, not ${want}`);
      }
    expect(wrong).toEqual([]);
  });

  test("the pane's table figure, the slides' and the presenter's text are the one rule", () => {
    expect(percentCell).toBe(probabilityFigure);
    for (const p of [0, 0.001, 0.3, 0.996, 1]) {
      expect(percentText("nb", p)).toBe(probabilityText("nb", p));
      expect(percentText("en", p)).toBe(probabilityText("en", p));
    }
    expect([0, 0.001, 0.3, 0.996, 1].map((p) => probabilityText("nb", p))).toEqual(["0\u00a0%", "<1\u00a0%", "30\u00a0%", ">99\u00a0%", "100\u00a0%"]);
    expect([0, 0.001, 0.3, 0.996, 1].map((p) => probabilityText("en", p))).toEqual(["0%", "<1%", "30%", ">99%", "100%"]);
  });

  test("read out as shown: «under 1 %» and «over 99 %», never 0 % or 100 % for them", () => {
    expect([0, 0.001, 0.3, 0.996, 1].map((p) => probabilitySpoken("nb", p))).toEqual(["0\u00a0%", "under 1\u00a0%", "30\u00a0%", "over 99\u00a0%", "100\u00a0%"]);
    expect([0, 0.001, 0.3, 0.996, 1].map((p) => probabilitySpoken("en", p))).toEqual(["0%", "less than 1%", "30%", "more than 99%", "100%"]);
  });
});

describe("heat shades", () => {
  test("every shade's text reaches 4.5:1 (p in steps of 1/10 000), in the slides' colours and the pane's", () => {
    let worst = Infinity;
    const differ: number[] = [];
    for (let i = 1; i <= 10_000; i++) {
      const { fill, ink } = heatColour(i / 10_000);
      worst = Math.min(worst, contrastRatio(ink, fill));
      const pane = heat(i / 10_000);
      if (pane.backgroundColor !== `#${fill}` || pane.color !== `#${ink}`) differ.push(i);
    }
    expect(worst).toBeGreaterThanOrEqual(4.5);
    expect(differ).toEqual([]);
    // No fill for zero: the page's own text.
    expect(heatColour(0)).toEqual({ fill: "", ink: "1A1A1A" });
    expect(heat(0)).toEqual({});
  });

  test("the contrast ratio as WCAG defines it", () => {
    expect(contrastRatio("000000", "FFFFFF")).toBeCloseTo(21, 10);
    expect(contrastRatio("FFFFFF", "FFFFFF")).toBe(1);
    // #767676 on white is the classic 4.54:1.
    expect(contrastRatio("767676", "FFFFFF")).toBeCloseTo(4.54, 2);
    // The shade the audit found at 2.18:1 with white text (#86B5DE) now has dark text.
    expect(contrastRatio("FFFFFF", "86B5DE")).toBeLessThan(2.2);
  });
});

test("the meeting's Monte Carlo in the presenter: texts by the rule, names that say the same", async () => {
  const meeting = await readMeeting();
  const assessment = assessInputs(meeting.model, meeting.inputs);
  const result = simulate(uncertaintyInput(assessment), DEFAULT_UNCERTAINTY);
  const table = acceptabilityTable(result, assessment, "nb", 10);
  const shown = acceptabilityShown(result, DEFAULT_UNCERTAINTY, assessment, "nb");
  const cells = table.rows.flatMap((r, i) => r.cells.map((c, k) => ({ c, label: shown.presenter.rows[i].cells[k].label, text: shown.presenter.rows[i].cells[k].text })));
  for (const { c, label, text } of cells) {
    expect(text).toBe(probabilityText("nb", c.p));
    expect(label.endsWith(` i ${probabilitySpoken("nb", c.p)} av trekkene`)).toBe(true);
  }
  // The meeting has cells near both ends (what the audit found named «0 %» and «100 %»).
  expect(cells.some(({ text }) => text === "<1\u00a0%")).toBe(true);
  expect(cells.some(({ label }) => label.includes("under 1\u00a0%"))).toBe(true);
  expect(cells.filter(({ text }) => text === "100\u00a0%").every(({ c }) => c.p === 1)).toBe(true);
});
