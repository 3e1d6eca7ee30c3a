/**
 * The house rules of ARCHITECTURE.md, checked on the code's own imports: no import circle outside
 * src/sim, no arrow from a lower layer up into a higher one, core pure, nothing outside the task
 * pane reaching into it, and the recompute frame and the Excel adapter's files kept small.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "../src");

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

const FILES = filesUnder(SRC);
const rel = (p: string) => path.relative(SRC, p).split(path.sep).join("/");

/** Every relative import, `import()` and `export … from` of a file, resolved to a file of src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
  const specs = new Set<string>();
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;
  for (let m = re.exec(text); m; m = re.exec(text)) specs.add(m[1]);
  const out: string[] = [];
  for (const spec of specs) {
    const base = path.resolve(path.dirname(file), spec);
    const hit = [
      base,
      `${base}.ts`,
      `${base}.tsx`,
      path.join(base, "index.ts"),
      path.join(base, "index.tsx"),
    ].find((c) => FILES.includes(c));
    if (hit) out.push(hit);
  }
  return out;
}

const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));
const top = (f: string) => rel(f).split("/")[0];

/** Strongly connected components of more than one file (Tarjan). */
function circles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of GRAPH.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.map(rel).sort());
    }
  };
  for (const f of FILES) if (!idx.has(f)) visit(f);
  return out;
}

describe("the house rules", () => {
  it("has no import circle outside src/sim", () => {
    expect(circles().filter((c) => !c.every((f) => f.startsWith("sim/")))).toEqual([]);
  });

  it("keeps core pure: core imports only core", () => {
    const bad = FILES.filter((f) => top(f) === "core").flatMap((f) =>
      GRAPH.get(f)!
        .filter((g) => top(g) !== "core")
        .map((g) => `${rel(f)} -> ${rel(g)}`)
    );
    expect(bad).toEqual([]);
  });

  it("lets nothing outside the task pane import from it", () => {
    const bad = FILES.filter((f) => top(f) !== "taskpane" && top(f) !== "preview").flatMap((f) =>
      GRAPH.get(f)!
        .filter((g) => top(g) === "taskpane")
        .map((g) => `${rel(f)} -> ${rel(g)}`)
    );
    expect(bad).toEqual([]);
  });

  it("has no arrow from a lower layer up into a higher one", () => {
    // A folder may import only folders on its own floor or below.
    const floor: Record<string, number> = {
      core: 0,
      solve: 1,
      grid: 1,
      i18n: 2,
      app: 3,
      excel: 4,
      export: 4,
      functions: 4,
      cli: 5,
      ui: 5,
      presenter: 6,
      taskpane: 7,
      commands: 7,
      preview: 8,
      sim: 3,
    };
    const bad: string[] = [];
    for (const f of FILES) {
      const from = floor[top(f)];
      for (const g of GRAPH.get(f)!) {
        const to = floor[top(g)];
        if (from === undefined || to === undefined) bad.push(`unplaced: ${rel(f)} -> ${rel(g)}`);
        else if (to > from) bad.push(`${rel(f)} -> ${rel(g)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("keeps the Excel adapter's files small and the recompute frame under 200 lines", () => {
    const lines = (f: string) => readFileSync(f, "utf8").split("\n").length;
    const big = FILES.filter((f) => top(f) === "excel" && lines(f) > 300).map(rel);
    expect(big).toEqual([]);
    expect(lines(path.join(SRC, "excel/recompute.ts"))).toBeLessThan(200);
  });

  it("keeps the selection split by concern, each file under 400 lines", () => {
    const lines = (f: string) => readFileSync(f, "utf8").split("\n").length;
    const selection = FILES.filter((f) => /^core\/(select|selection)[\w-]*\.ts$/.test(rel(f)));
    expect(selection.map(rel)).not.toContain("core/selection.ts");
    expect(selection.length).toBeGreaterThanOrEqual(5);
    expect(selection.filter((f) => lines(f) >= 400).map(rel)).toEqual([]);
  });
});
