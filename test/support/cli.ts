/** Running the command line in-process (main with a capturing Io) and as a real process. */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { main } from "../../src/cli/main";

export const ROOT = path.resolve(__dirname, "../..");
export const BIN = path.join(ROOT, "bin/prio.js");
/** For hooks that may build the CLI (tsc ≈ 4 s alone, longer under load, or waiting for another worker's build). */
export const BUILD_TIMEOUT = 200_000;

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function run(argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

export function spawnPrio(argv: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function stale(): boolean {
  let built = 0;
  try {
    built = statSync(path.join(ROOT, "lib/cli/main.js")).mtimeMs;
  } catch {
    return true;
  }
  const sources = Math.max(...["src/core", "src/grid", "src/cli", "src/i18n", "src/export"].map((d) => newest(path.join(ROOT, d))));
  return built < sources;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * `npm test` builds lib/ before jest; when jest runs alone, build the CLI here if lib/ is older
 * than its sources, so the spawned bin never runs stale code. A lock directory keeps two jest
 * workers from writing lib/ at once (and a spawned bin from reading a half-written file).
 */
export function ensureCliBuilt(): void {
  if (!stale()) return;
  const lock = path.join(ROOT, "lib/.prio-build-lock");
  mkdirSync(path.join(ROOT, "lib"), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`build:cli lock ${lock} held for 3 minutes; remove it if no build is running`);
      sleep(200);
    }
  }
  try {
    if (!stale()) return;
    const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
    const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    if (r.status !== 0) throw new Error(`build:cli failed: ${r.stdout}${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "prio-test-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One line, no stack trace, no "at file:line" frames. */
export function expectOneLineNoStack(text: string): void {
  const lines = text.replace(/\n$/, "").split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0].trim()).not.toBe("");
  expect(text).not.toMatch(/\n\s+at\s/);
  expect(text).not.toMatch(/\.(ts|js):\d+/);
  expect(text).not.toMatch(/Error:/);
}
