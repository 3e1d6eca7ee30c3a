/**
 * `prio --help` lists every command; every command answers --help (and -h, and `prio help <command>`)
 * with its usage on stdout and exit 0, in bokmål and English; an unknown command is one line, exit 2.
 */
import { BUILD_TIMEOUT, ensureCliBuilt, expectOneLineNoStack, run, spawnPrio } from "../support/cli";

const COMMANDS = ["score", "checklist", "slides", "select", "sensitivity", "uncertainty"];

describe("prio --help", () => {
  test.each([
    [["--help"], "Bruk:", "nb"],
    [["-h", "--lang", "en"], "Usage:", "en"],
    [["help"], "Bruk:", "nb"],
  ])("%j lists every command, with its usage line and a line saying what it does", async (argv, usage) => {
    const r = await run(argv);
    expect([r.code, r.err]).toEqual([0, ""]);
    const lines = r.out.split("\n");
    expect(lines[0].startsWith(`${usage} prio score <`)).toBe(true);
    for (const c of COMMANDS) {
      expect({ c, usage: lines.some((l) => l.trimStart().startsWith(`prio ${c} <`) || l.startsWith(`${usage} prio ${c} <`)) }).toEqual({ c, usage: true });
      expect({ c, described: lines.some((l) => new RegExp(`^${c}\\s{2,}\\S`).test(l)) }).toEqual({ c, described: true });
    }
    expect(r.out).toContain("score --csv  ");
    expect(r.out).toContain("--force");
  });

  test("plain `prio` prints the same overview, exit 2", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.out).toBe((await run(["--help"])).out);
  });
});

describe("every command answers --help with its usage, exit 0", () => {
  test.each(COMMANDS)("prio %s --help (bokmål) and -h --lang en", async (c) => {
    const nb = await run([c, "--help"]);
    expect([nb.code, nb.err]).toEqual([0, ""]);
    expect(nb.out.startsWith(`Bruk: prio ${c} <fil.xlsx>`)).toBe(true);
    const en = await run([c, "-h", "--lang", "en"]);
    expect([en.code, en.err]).toEqual([0, ""]);
    expect(en.out.startsWith(`Usage: prio ${c} <file.xlsx>`)).toBe(true);
    // The same with a file and options before it, and as `prio help <command>`.
    expect((await run([c, "x.xlsx", "--json", "--help"])).out).toBe(nb.out);
    expect((await run(["help", c])).out).toBe(nb.out);
  });

  test("prio select --help names its options (it answered «Ukjent valg: --help», exit 2)", async () => {
    const r = await run(["select", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("--budget N   budsjettrammen i MNOK");
    expect(r.out).toContain("--minimum M  minimumsrammen i MNOK");
  });

  test("prio score --csv --help gives the export options; prio slides --help names --force", async () => {
    expect((await run(["score", "--csv", "--help"])).out).toContain("prio score <fil.xlsx> --csv");
    expect((await run(["slides", "--help"])).out).toContain("--force    skriver over en fil som finnes fra før");
  });

  test("an unknown command with --help: one line, exit 2", async () => {
    const r = await run(["sjekkliste", "--help"]);
    expect([r.code, r.out, r.err]).toEqual([2, "", "Ukjent kommando: sjekkliste"]);
    expectOneLineNoStack(r.err);
    expect((await run(["--help", "--lang", "de"])).code).toBe(2);
  });
});

describe("the real binary", () => {
  beforeAll(() => ensureCliBuilt(), BUILD_TIMEOUT);
  test("prio --help and prio select --help: exit 0", () => {
    const all = spawnPrio(["--help"]);
    expect([all.code, all.err]).toEqual([0, ""]);
    for (const c of COMMANDS) expect(all.out).toContain(`prio ${c} <fil.xlsx>`);
    const select = spawnPrio(["select", "--help", "--lang", "en"]);
    expect([select.code, select.err, select.out.split("\n")[0]]).toEqual([0, "", "Usage: prio select <file.xlsx> [--budget N] [--minimum M] [--json] [--lang nb|en]"]);
  });
});
