/** Prints the cells one recompute writes after one score edit (run: npx tsx scripts/recompute-writes.ts 200 1000 5000). */
import { recomputeWritesAfterOneEdit } from "../test/support/recompute-writes";

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  console.log("measures  cells written (one score edit)  syncs  cells of a full rewrite");
  for (const n of sizes.length ? sizes : [200, 1000, 5000]) {
    const r = await recomputeWritesAfterOneEdit(n);
    console.log(`${String(r.measures).padStart(8)}  ${String(r.cellWrites).padStart(30)}  ${String(r.syncs).padStart(5)}  ${String(r.fullWrites).padStart(23)}`);
  }
}

void main();
