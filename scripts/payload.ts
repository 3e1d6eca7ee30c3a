/**
 * The payload of the recompute's syncs in the in-memory Excel, as the JSON Excel would exchange
 * (src/sim/payload.ts): a generated workbook of N measures with long names, an answered checklist
 * and comments (test/support/large-workbook.ts); the first recompute, one with nothing changed, one
 * after a score edit and one after a top-level weight change. Run:
 *   npx tsx scripts/payload.ts [measures …] [--name 150] [--no-limit]
 */
import { recompute, type ReadHints } from "../src/excel/recompute";
import { SHEETS } from "../src/grid/layout";
import type { SimWorkbook } from "../src/sim/workbook";
import { largeWorkbook } from "../test/support/large-workbook";

const args = process.argv.slice(2);
const nameAt = args.indexOf("--name");
const nameLength = nameAt >= 0 ? Number(args[nameAt + 1]) : 150;
const limit = args.includes("--no-limit") ? null : undefined;
const sizes = args.filter((a, i) => /^\d+$/.test(a) && i !== nameAt + 1).map(Number);

const mb = (n: number) => (n / 1e6).toFixed(2).padStart(6);

async function step(wb: SimWorkbook, label: string, work: () => Promise<unknown>): Promise<void> {
  wb.resetPayloads();
  wb.resetSyncCount();
  let error = "";
  try {
    await work();
  } catch (e) {
    error = ` FAILED: ${(e as { code?: string }).code ?? (e as Error).message}`;
  }
  const p = wb.payloads.map((x) => `${mb(x.request)}/${mb(x.response)}`).join("  ");
  console.log(`  ${label.padEnd(22)} ${String(wb.syncCount).padStart(2)} syncs  request/response MB per sync: ${p}${error}`);
}

async function main(): Promise<void> {
  for (const n of sizes.length ? sizes : [1000, 5000]) {
    const wb = await largeWorkbook({ measures: n, nameLength, payloadLimit: null });
    if (limit !== null) wb.payloadLimit = 5_000_000;
    console.log(`${n} measures, names of ${nameLength} characters, limit ${wb.payloadLimit ?? "none"}:`);
    // As the controller does: each recompute plans its reads with what the last one learned.
    let hints: ReadHints = {};
    const run = async () => {
      const r = await wb.run((ctx) => recompute(ctx, "nb", undefined, { hints }));
      if (r.kind === "ready") hints = r.hints;
    };
    await step(wb, "first recompute", run);
    await step(wb, "nothing changed", run);
    const before = wb.getCell(SHEETS.scoring, "E10").value;
    wb.userEdit(SHEETS.scoring, "E10", before === 2 ? "7" : "2");
    await step(wb, "one score typed", run);
    const w = wb.gridOf(SHEETS.model).rows.findIndex((r) => r?.[0]?.value === "maal");
    wb.userEdit(SHEETS.model, `G${w + 1}`, "2");
    await step(wb, "top-level weight", run);
  }
}

void main();
