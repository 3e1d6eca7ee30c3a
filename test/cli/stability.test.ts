/**
 * `prio sensitivity` and `prio uncertainty` on the meeting workbook: the JSON shapes the issue fixes,
 * the plain sentences, reproducibility for a seed, and bad input as for `score` (exit 2, one line).
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { BUILD_TIMEOUT, ensureCliBuilt, expectOneLineNoStack, run, spawnPrio, tempDir } from "../support/cli";
import { MEETING_XLSX } from "../support/meeting";

interface SensitivityJson {
  groups: { group: string; weight: number; lower: number; upper: number | null; firstSwap: { above: string; below: string; at: number } | null }[];
  cuts?: { group: string; top: number; lower: number; upper: number | null; firstCross: { above: string; below: string; at: number } | null }[];
}
interface UncertaintyJson {
  measures: { id: string; name: string; rankProbabilities: number[]; topN: number; beats: Record<string, number>; ties: Record<string, number> }[];
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-12;

describe("prio sensitivity", () => {
  test("--json: one entry per top-level group, keyed by the label score --json uses, with the exact bounds", async () => {
    const r = await run(["sensitivity", MEETING_XLSX, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const out = JSON.parse(r.out) as SensitivityJson;
    expect(Object.keys(out)).toEqual(["groups"]);
    const score = JSON.parse((await run(["score", MEETING_XLSX, "--json"])).out) as { measures: { groups: Record<string, number | null> }[] };
    const scoreKeys = Object.keys(score.measures[0].groups);
    expect(out.groups.map((g) => g.group)).toEqual(["Måloppnåelse", "Kostnader", "Nytte"]);
    for (const g of out.groups) {
      expect(scoreKeys).toContain(g.group);
      expect(Object.keys(g)).toEqual(["group", "weight", "lower", "upper", "firstSwap"]);
    }
    const [maal, kost, nytte] = out.groups;
    // Worked by hand in test/core/sensitivity.test.ts: 7/9 and 7/6.
    expect(near(maal.lower, 7 / 9) && near(maal.upper!, 7 / 6)).toBe(true);
    expect(maal.firstSwap).toEqual({ above: "Kritisk info: Kommunal helse- og omsorg", below: "Implementering av DBEP", at: maal.upper });
    // Kostnader: DBEP (4,5) passes Kritisk info: Kommunal (6,25) when Kostnader weighs less: 1 − (1/12)/1,75 = 20/21.
    expect(near(kost.lower, 20 / 21)).toBe(true);
    expect(kost.firstSwap).toEqual({ above: "Kritisk info: Kommunal helse- og omsorg", below: "Implementering av DBEP", at: kost.lower });
    // Nytte: DBEP (6,1667) passes Kritisk info: Kommunal (5) at 1 + (1/12)/(7/6) = 15/14.
    expect(near(nytte.upper!, 15 / 14)).toBe(true);
  });

  test("--lang en --json: the English labels, as score --json --lang en", async () => {
    const out = JSON.parse((await run(["sensitivity", MEETING_XLSX, "--json", "--lang", "en"])).out) as SensitivityJson;
    expect(out.groups.map((g) => g.group)).toEqual(["Goal attainment", "Costs (complexity)", "Benefit"]);
  });

  test("--top 5 --json adds the cuts; --all every node of the tree", async () => {
    const out = JSON.parse((await run(["sensitivity", MEETING_XLSX, "--json", "--top", "5"])).out) as SensitivityJson;
    expect(out.cuts!.map((c) => [c.group, c.top])).toEqual([
      ["Måloppnåelse", 5],
      ["Kostnader", 5],
      ["Nytte", 5],
    ]);
    // Måloppnåelse at 7/6: DBEP comes into the top 5 and Kritisk info: Kommunal leaves it.
    expect(out.cuts![0].firstCross).toEqual({ above: "Kritisk info: Kommunal helse- og omsorg", below: "Implementering av DBEP", at: out.groups[0].upper });
    const all = JSON.parse((await run(["sensitivity", MEETING_XLSX, "--json", "--all"])).out) as SensitivityJson;
    expect(all.groups).toHaveLength(16);
  });

  test("options before the command, and --help", async () => {
    const r = await run(["--lang", "en", "sensitivity", MEETING_XLSX, "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as SensitivityJson).groups[0].group).toBe("Goal attainment");
    const help = await run(["sensitivity", "--help"]);
    expect([help.code, help.out.split("\n")[0]]).toEqual([0, "Bruk: prio sensitivity <fil.xlsx> [--top N] [--all] [--json] [--lang nb|en]"]);
    const uhelp = await run(["uncertainty", "--help", "--lang", "en"]);
    expect(uhelp.code).toBe(0);
    expect(uhelp.out).toContain("--seed S     seed of the random numbers; the same seed gives the same answer (default 1)");
  });

  test("text: the plain sentence in bokmål (default) and English", async () => {
    const nb = await run(["sensitivity", MEETING_XLSX]);
    expect(nb.code).toBe(0);
    expect(nb.out).toContain(
      "Måloppnåelse kan veie fra 0,78 til 1,17 uten at noen plass endres; ved 1,17 går Implementering av DBEP forbi Kritisk info: Kommunal helse- og omsorg, og ved 0,78 går Dokumentdeling: Andre kommunal helse-omsorg forbi Dokumentdeling: Fastleger.",
    );
    expect(nb.out).toContain("Står likt nå og teller ikke: Implementering av DBEP og Dokumentdeling: Legevakt/ØHD.");
    expect(nb.out).toContain("Minste endring som bytter to tiltak: +0,17 (fra 1 til 1,17).");
    const en = await run(["sensitivity", MEETING_XLSX, "--lang", "en"]);
    expect(en.out).toContain("Goal attainment can weigh from 0.78 to 1.17 without any place changing; at 1.17 Implementering av DBEP passes Kritisk info: Kommunal helse- og omsorg");
  });
});

describe("prio uncertainty", () => {
  test("--json: 13 measures with a total, rank probabilities summing to 1 by row and by column, topN from them", async () => {
    const r = await run(["uncertainty", MEETING_XLSX, "--json", "--draws", "1000", "--seed", "7", "--top", "3"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const out = JSON.parse(r.out) as UncertaintyJson;
    expect(Object.keys(out)).toEqual(["measures"]);
    expect(out.measures).toHaveLength(13);
    expect(out.measures[0]).toMatchObject({ name: "Legemidler: PLL" });
    for (const m of out.measures) {
      // The issue's keys first and unchanged; then who beats whom.
      expect(Object.keys(m)).toEqual(["id", "name", "rankProbabilities", "topN", "beats", "ties"]);
      expect(m.rankProbabilities).toHaveLength(13);
      expect(Math.abs(m.rankProbabilities.reduce((s, p) => s + p, 0) - 1)).toBeLessThan(1e-12);
      expect(m.topN).toBeCloseTo(m.rankProbabilities[0] + m.rankProbabilities[1] + m.rankProbabilities[2], 12);
    }
    for (let c = 0; c < 13; c++) expect(Math.abs(out.measures.reduce((s, m) => s + m.rankProbabilities[c], 0) - 1)).toBeLessThan(1e-12);
  });

  test("--json beats: P(a beats b) + P(b beats a) + P(tie) = 1 for every pair, over the other 12 measures", async () => {
    const r = await run(["uncertainty", MEETING_XLSX, "--json", "--draws", "2000", "--seed", "11"]);
    const out = JSON.parse(r.out) as UncertaintyJson;
    const ids = out.measures.map((m) => m.id);
    expect(new Set(ids).size).toBe(13);
    const byId = new Map(out.measures.map((m) => [m.id, m]));
    for (const a of out.measures) {
      expect(Object.keys(a.beats)).toEqual(ids.filter((id) => id !== a.id));
      for (const b of ids) {
        if (b === a.id) continue;
        const sum = a.beats[b] + byId.get(b)!.beats[a.id] + (a.ties[b] ?? 0);
        // Counts over 2000 draws.
        expect(Math.round(sum * 2000)).toBe(2000);
        expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
        expect(a.ties[b] ?? 0).toBe(byId.get(b)!.ties[a.id] ?? 0);
      }
    }
    // PLL is first in most draws and stands before every measure but the second in all of them.
    const pll = out.measures[0];
    expect(pll.name).toBe("Legemidler: PLL");
    expect(Object.values(pll.beats).slice(2)).toEqual(new Array(10).fill(1));
  });

  test("--json beats without uncertainty: the order now, exactly; the tied pair level in every draw", async () => {
    const out = JSON.parse((await run(["uncertainty", MEETING_XLSX, "--json", "--draws", "5", "--weights", "none", "--spread", "none"])).out) as UncertaintyJson;
    const ids = out.measures.map((m) => m.id);
    const dbep = out.measures[5];
    const legevakt = out.measures[6];
    expect([dbep.name, legevakt.name]).toEqual(["Implementering av DBEP", "Dokumentdeling: Legevakt/ØHD"]);
    out.measures.forEach((m, i) => {
      const expected = Object.fromEntries(ids.flatMap((id, j) => (j === i ? [] : [[id, (i === 5 && j === 6) || (i === 6 && j === 5) ? 0 : j > i ? 1 : 0]])));
      expect(m.beats).toEqual(expected);
      expect(m.ties).toEqual(i === 5 ? { [legevakt.id]: 1 } : i === 6 ? { [dbep.id]: 1 } : {});
    });
  });

  test("--weights simplex:30: the groups' shares around the shares now; simplex is simplex:100", async () => {
    const whole = await run(["uncertainty", MEETING_XLSX, "--json", "--draws", "400", "--weights", "simplex"]);
    const hundred = await run(["uncertainty", MEETING_XLSX, "--json", "--draws", "400", "--weights", "simplex:100"]);
    expect(hundred.out).toBe(whole.out);
    const around = await run(["uncertainty", MEETING_XLSX, "--json", "--draws", "400", "--weights", "simplex:30%"]);
    expect(around.code).toBe(0);
    // A smaller region around the weights now: PLL keeps place 1 more often than on the whole simplex.
    const first = (text: string) => (JSON.parse(text) as UncertaintyJson).measures[0].rankProbabilities[0];
    expect(first(around.out)).toBeGreaterThan(first(whole.out));
    const text = await run(["uncertainty", MEETING_XLSX, "--draws", "200", "--weights", "simplex:30"]);
    expect(text.out).toContain("vekter: gruppenes andeler trukket jevnt rundt andelene nå (hver gruppe beholder minst 70\u00a0% av sin andel, 30\u00a0% fordeles tilfeldig)");
  });

  test("--pairwise: for each measure its closest rivals in words", async () => {
    const r = await run(["uncertainty", MEETING_XLSX, "--draws", "2000", "--pairwise"]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    const at = lines.indexOf("Hvem slår hvem – for hvert tiltak de jevneste motstanderne og sjansen for å stå foran hver av dem:");
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1)).toHaveLength(13);
    const json = JSON.parse((await run(["uncertainty", MEETING_XLSX, "--draws", "2000", "--json"])).out) as UncertaintyJson;
    // PLL's line: its contested rivals, the closest to an even contest first (at most three), named in rank order with the share of draws.
    const pll = json.measures[0];
    const contested = Object.entries(pll.beats).filter(([, p]) => p > 0 && p < 1);
    expect(contested.length).toBeGreaterThan(0);
    const pct = (p: number) => (p >= 0.995 && p < 1 ? ">99" : String(Math.round(p * 100)));
    const names = new Map(json.measures.map((m) => [m.id, m.name]));
    const expected = contested.slice(0, 3).map(([id, p]) => `${names.get(id)} i ${pct(p)}\u00a0%`);
    expect(contested.length).toBeLessThanOrEqual(3);
    expect(lines[at + 1]).toBe(`Legemidler: PLL står foran ${expected.length === 1 ? expected[0] : `${expected.slice(0, -1).join(", ")} og ${expected[expected.length - 1]}`}`);
    const en = await run(["uncertainty", MEETING_XLSX, "--draws", "5", "--weights", "none", "--spread", "none", "--pairwise", "--lang", "en"]);
    const enLines = en.out.split("\n");
    const enAt = enLines.indexOf("Who beats whom – for each measure the closest rivals and the chance of standing before each:");
    expect(enLines[enAt + 1]).toBe("Legemidler: PLL: no close rival – before 12 and behind 0 in every draw");
    expect(enLines[enAt + 6]).toBe("Implementering av DBEP stands before Dokumentdeling: Legevakt/ØHD in 0% (level in 100%)");
  });

  test("the same seed gives the same output; another seed another", async () => {
    const a = await run(["uncertainty", MEETING_XLSX, "--json", "--draws", "500", "--seed", "3"]);
    const b = await run(["uncertainty", MEETING_XLSX, "--json", "--draws", "500", "--seed", "3"]);
    const c = await run(["uncertainty", MEETING_XLSX, "--json", "--draws", "500", "--seed", "4"]);
    expect(b.out).toBe(a.out);
    expect(c.out).not.toBe(a.out);
  });

  test("no uncertainty at all: every measure keeps its place with probability 1, the tie is split", async () => {
    const out = JSON.parse((await run(["uncertainty", MEETING_XLSX, "--json", "--draws", "5", "--weights", "none", "--spread", "none"])).out) as UncertaintyJson;
    const places = out.measures.map((m) => m.rankProbabilities.map((p, k) => (p > 0 ? `${k + 1}:${p}` : "")).filter(Boolean).join(" "));
    expect(places).toEqual(["1:1", "2:1", "3:1", "4:1", "5:1", "6:0.5 7:0.5", "6:0.5 7:0.5", "8:1", "9:1", "10:1", "11:1", "12:1", "13:1"]);
  });

  test("text: the setup line and a row per measure, in bokmål", async () => {
    const r = await run(["uncertainty", MEETING_XLSX, "--draws", "300"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("300 trekninger (frø 1); vekter: hver vekt ±20\u00a0%; scorer: hver score ±1 på skalaen.");
    expect(r.out).toMatch(/^\s+1\s+Legemidler: PLL\s+/m);
    expect(r.out).toContain("Tiltak uten total er ikke med (1).");
  });
});

describe("bad input: exit 2, one line, as score", () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    writeFileSync(path.join(dir, "notat.xlsx"), "Dette er et notat, ikke en arbeidsbok.\n");
  });
  afterAll(() => cleanup());

  test.each(["sensitivity", "uncertainty"])("%s: a missing file and a text file give score's messages", async (command) => {
    for (const file of [path.join(dir, "finnes-ikke.xlsx"), path.join(dir, "notat.xlsx")]) {
      const score = await run(["score", file]);
      const r = await run([command, file]);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expectOneLineNoStack(r.err);
      expect(r.err).toBe(score.err);
    }
    const missing = await run([command]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`Oppgi en arbeidsbok: prio ${command} <fil.xlsx>`);
  });

  test.each([
    [["--draws", "0"], "--draws må være et helt tall fra 1 til 10000000"],
    [["--draws", "mange"], "--draws må være et helt tall fra 1 til 10000000"],
    [["--seed", "-1"], "--seed må være et helt tall fra 0 til 4294967295"],
    [["--top", "0"], "--top må være et helt tall fra 1 og oppover"],
    [["--weights", "100"], "--weights må være en prosent fra 0 til under 100, simplex, simplex:R med R fra over 0 til 100, eller none"],
    [["--weights", "simplex:0"], "--weights må være en prosent fra 0 til under 100, simplex, simplex:R med R fra over 0 til 100, eller none"],
    [["--weights", "simplex:101"], "--weights må være en prosent fra 0 til under 100, simplex, simplex:R med R fra over 0 til 100, eller none"],
    [["--weights", "simplex:mye"], "--weights må være en prosent fra 0 til under 100, simplex, simplex:R med R fra over 0 til 100, eller none"],
    [["--spread", "-1"], "--spread må være et tall fra 0 og oppover, eller none"],
    [["--draws"], "--draws mangler en verdi"],
    [["--fort"], "Ukjent valg: --fort"],
  ])("uncertainty %j: %s", async (opts, message) => {
    const r = await run(["uncertainty", MEETING_XLSX, ...opts]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expectOneLineNoStack(r.err);
    expect(r.err).toBe(message);
  });

  test("--lang xx is refused as for score", async () => {
    const r = await run(["sensitivity", MEETING_XLSX, "--lang", "xx"]);
    expect([r.code, r.err]).toEqual([2, (await run(["score", MEETING_XLSX, "--lang", "xx"])).err]);
  });
});

describe("the installed command", () => {
  beforeAll(() => ensureCliBuilt(), BUILD_TIMEOUT);
  test("prio sensitivity and prio uncertainty run as processes", () => {
    const s = spawnPrio(["sensitivity", MEETING_XLSX, "--json"]);
    expect([s.code, s.err]).toEqual([0, ""]);
    expect((JSON.parse(s.out) as SensitivityJson).groups).toHaveLength(3);
    const u = spawnPrio(["uncertainty", MEETING_XLSX, "--json", "--draws", "200"]);
    expect([u.code, u.err]).toEqual([0, ""]);
    expect((JSON.parse(u.out) as UncertaintyJson).measures).toHaveLength(13);
    const bad = spawnPrio(["uncertainty", MEETING_XLSX, "--draws", "0"]);
    expect(bad.code).toBe(2);
    expectOneLineNoStack(bad.err);
  });
});
