/**
 * `tsx scripts/parallel.ts typecheck lint build:cli`: runs the named npm scripts at the same time
 * (the test command's steps that use one core each: tsc, eslint, webpack), prints each one's output
 * as a block when it ends (never interleaved), and exits with the first failure's status after all
 * have ended. On a one-core machine they simply share it.
 */
import { spawn } from "child_process";

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error("usage: tsx scripts/parallel.ts <npm script> [<npm script> …]");
  process.exit(2);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(name: string): Promise<{ name: string; status: number; output: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", name], { stdio: ["ignore", "pipe", "pipe"], env: process.env });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    const done = (status: number) => resolve({ name, status, output: Buffer.concat(chunks).toString("utf8"), seconds: (Date.now() - started) / 1000 });
    child.on("error", (e) => {
      chunks.push(Buffer.from(`${e.message}\n`));
      done(1);
    });
    child.on("close", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

void (async () => {
  let failed = 0;
  await Promise.all(
    scripts.map(async (name) => {
      const r = await run(name);
      process.stdout.write(`\n> npm run ${r.name} (${r.seconds.toFixed(0)} s, ${r.status === 0 ? "ok" : `exit ${r.status}`})\n${r.output}`);
      if (r.status !== 0 && failed === 0) failed = r.status;
    }),
  );
  process.exit(failed);
})();
