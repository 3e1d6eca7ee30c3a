/** The installed command, `node bin/prio.js`, as a user runs it on the meeting workbook. */
import * as path from "path";
import { fixture } from "../support/meeting";
import { BUILD_TIMEOUT, ROOT, ensureCliBuilt, spawnPrio } from "../support/cli";

const EXAMPLE = path.join(ROOT, "examples/prioritering-2022-09.xlsx");

beforeAll(() => ensureCliBuilt(), BUILD_TIMEOUT);

test("text: exit 0, 6= twice, 22,8", () => {
  const r = spawnPrio(["score", EXAMPLE]);
  expect(r.code).toBe(0);
  expect(r.err).toBe("");
  expect(r.out.match(/^\s*6=\s/gm)).toHaveLength(2);
  expect(r.out).toContain("22,8");
});

test("--json --lang en: one JSON object, 14 measures with the expected scores and ranks", () => {
  const r = spawnPrio(["score", EXAMPLE, "--json", "--lang", "en"]);
  expect([r.code, r.err]).toEqual([0, ""]);
  const out = JSON.parse(r.out) as { measures: { score: number | null; rank: number | null; tied: boolean }[] };
  expect(out.measures).toHaveLength(14);
  const got = out.measures.map((m) => [m.score === null ? null : Math.round(m.score * 1e9) / 1e9, m.rank, m.tied]).sort();
  const want = fixture.measures
    .map((m) => [m.expected.score === null ? null : Math.round(m.expected.score * 1e9) / 1e9, m.expected.rank, m.expected.tied ?? false])
    .sort();
  expect(got).toEqual(want);
});
