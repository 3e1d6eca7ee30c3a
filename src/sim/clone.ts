/**
 * A deep copy with JSON's meaning (what a value looks like after a trip to Excel and back:
 * `undefined` in an array becomes null, NaN and ±Infinity become null, no functions). Grids of
 * plain values — what ranges load and write, thousands of cells a sync — are copied directly;
 * everything else goes through JSON.
 */
export function clone<T>(v: T): T {
  if (typeof v === "number") return (Number.isFinite(v) ? v + 0 : null) as T; // -0 → 0, NaN/±Infinity → null, as JSON
  if (v === undefined || v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    const rows = v as unknown[];
    const out: unknown[][] = new Array<unknown[]>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!Array.isArray(row)) return viaJson(v);
      for (let c = 0; c < row.length; c++) {
        const x: unknown = row[c];
        if (x === null || typeof x === "string" || typeof x === "boolean" || (typeof x === "number" && Number.isFinite(x) && !Object.is(x, -0))) continue;
        return viaJson(v);
      }
      out[r] = row.slice();
    }
    return out as T;
  }
  return viaJson(v);
}

function viaJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
