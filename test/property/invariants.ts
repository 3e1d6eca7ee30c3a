/** What must hold for every assessment, whatever went in. */
import { parseAddress } from "../../src/core/address";
import type { MeasureInput } from "../../src/core/aggregate";
import { allFindings, type Assessment } from "../../src/core/assess";
import { allNodes, isGroup, totalMax, totalMin } from "../../src/core/model";
import { nearlyEqual } from "../../src/core/rank";
import { findingMessage } from "../../src/i18n";

function fail(message: string): never {
  throw new Error(message);
}

export function checkAssessment(a: Assessment, inputs: MeasureInput[], sheetNames?: string[]): void {
  const { model } = a;
  if (a.measures.length !== inputs.length) fail(`measures ${a.measures.length} ≠ inputs ${inputs.length}`);
  const lo = Math.min(totalMin(model), totalMax(model));
  const hi = Math.max(totalMin(model), totalMax(model));
  const slack = 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
  const scaleLo = model.scale.min - 1e-9 * Math.max(1, Math.abs(model.scale.min));
  const scaleHi = model.scale.max + 1e-9 * Math.max(1, Math.abs(model.scale.max));
  const groupIds = allNodes(model).filter(isGroup).map((g) => g.id);

  for (const m of a.measures) {
    // Totals: null or finite, inside [totalMin, totalMax].
    if (m.total !== null && !(Number.isFinite(m.total) && m.total >= lo - slack && m.total <= hi + slack)) {
      fail(`${m.id}: total ${m.total} outside [${lo}, ${hi}]`);
    }
    // Every node value null or finite, on the scale.
    for (const [id, v] of Object.entries(m.values)) {
      if (v !== null && !(Number.isFinite(v) && v >= scaleLo && v <= scaleHi)) fail(`${m.id}: ${id} = ${v} off the scale`);
    }
    for (const g of groupIds) if (!(g in m.values)) fail(`${m.id}: group ${g} has no entry`);
    if (m.total === null && m.rank !== null) fail(`${m.id}: ranked without a total`);
    if (m.total !== null && m.rank === null) fail(`${m.id}: a total but no rank`);
    if (m.complete !== (m.missing.length === 0 && m.invalid.length === 0)) fail(`${m.id}: complete flag`);

    // Every invalid leaf has a finding naming it, at its cell when the input had one.
    const input = inputs.find((i) => i.id === m.id) ?? fail(`${m.id}: not an input`);
    for (const leaf of m.invalid) {
      const f = m.findings.find((x) => x.criterionId === leaf && x.code.startsWith("cell-"));
      if (!f) fail(`${m.id}: invalid ${leaf} without a finding`);
      const address = input.scores[leaf]?.address;
      if (address !== undefined && f.cell !== address) fail(`${m.id}: finding for ${leaf} at ${f.cell}, cell is ${address}`);
    }
    // Nothing invalid is used: an invalid leaf has no value.
    for (const leaf of m.invalid) if (m.values[leaf] !== null) fail(`${m.id}: invalid ${leaf} has value ${m.values[leaf]}`);
  }

  // Ranks: a valid standard competition ranking; ranked first in rank order, then the unranked.
  const ranked = a.measures.filter((m) => m.rank !== null);
  const firstUnranked = a.measures.findIndex((m) => m.rank === null);
  if (firstUnranked >= 0 && a.measures.slice(firstUnranked).some((m) => m.rank !== null)) fail("a ranked measure after an unranked one");
  for (let i = 1; i < ranked.length; i++) if (ranked[i].rank! < ranked[i - 1].rank!) fail("ranks out of order");
  ranked.forEach((m, i) => {
    const r = m.rank!;
    if (!Number.isInteger(r) || r < 1 || r > ranked.length) fail(`${m.id}: rank ${r}`);
    const before = ranked.filter((x) => x.rank! < r).length;
    if (before !== r - 1) fail(`${m.id}: rank ${r} with ${before} before it`);
    const same = ranked.filter((x) => x.rank === r);
    if (m.tied !== same.length > 1) fail(`${m.id}: tied ${m.tied}, ${same.length} share rank ${r}`);
    for (const x of same) if (!nearlyEqual(x.total!, m.total!, model.tolerance)) fail(`${m.id} and ${x.id} share ${r} with totals ${m.total}, ${x.total}`);
    if (i > 0 && model.tieBreak.length === 0) {
      const prev = ranked[i - 1];
      if (prev.rank !== r && prev.total! < m.total! && !nearlyEqual(prev.total!, m.total!, model.tolerance)) fail(`${prev.id} ranks above ${m.id} with a lower total`);
    }
  });
  for (const m of a.measures) if (m.rank === null && m.tied) fail(`${m.id}: tied without a rank`);

  // Findings: cells in Excel's form on a sheet that exists; messages render in both languages.
  for (const f of allFindings(a)) {
    if (f.cell !== undefined) {
      const p = parseAddress(f.cell) ?? fail(`finding ${f.code}: cell ${JSON.stringify(f.cell)} is not an address`);
      if (sheetNames && (p.sheet === undefined || !sheetNames.includes(p.sheet))) fail(`finding ${f.code}: cell ${f.cell} names no sheet of the workbook`);
    }
    for (const lang of ["nb", "en"] as const) {
      const text = findingMessage(f, lang, model);
      if (typeof text !== "string" || text === "" || text.includes("undefined")) fail(`finding ${f.code} (${lang}): ${text}`);
    }
  }
}
