/**
 * The task pane's initial JavaScript (the taskpane entry's chunks, production build) and the
 * chunks it loads on demand, from webpack's stats:
 *
 *   npx webpack --mode production --json=/tmp/stats.json && npx tsx scripts/pane-size.ts /tmp/stats.json
 */
import { readFileSync } from "fs";

interface Stats {
  entrypoints: Record<string, { assets: ({ name: string; size?: number } | string)[] }>;
  assets: { name: string; size: number; chunkNames?: string[] }[];
}

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: npx tsx scripts/pane-size.ts <webpack stats.json>\n");
  process.exit(2);
}
const stats = JSON.parse(readFileSync(file, "utf8")) as Stats;
const sizeOf = (name: string) => stats.assets.find((a) => a.name === name)?.size ?? 0;
const initial = stats.entrypoints.taskpane.assets.map((a) => (typeof a === "string" ? a : a.name)).filter((n) => n.endsWith(".js"));
const total = initial.reduce((s, n) => s + sizeOf(n), 0);
process.stdout.write(`taskpane initial JS: ${total} bytes in ${initial.length} files\n`);
for (const n of initial) process.stdout.write(`  ${n} ${sizeOf(n)}\n`);
const lazy = stats.assets.filter((a) => (a.chunkNames ?? []).some((c) => c.startsWith("export-")));
for (const a of lazy) process.stdout.write(`on demand: ${a.name} ${a.size}\n`);
