/**
 * Reading and writing a measure's properties by the model's ids, written out place by place.
 *
 * Why not a loop: in `o[ids[j]] = v` inside a loop, one line of code stores under every id, so the
 * engine's cache for that line sees many names and falls back to a lookup by name at every store
 * (about 12 ns each: 27 of them per measure were a tenth of scoring). Written out, the line for
 * place j only ever sees id j of the model in use, and the engine compiles it as a store into a
 * known slot of a known shape: 16 stores into a copy of the values' template took 0.64–0.76 ms per
 * 10,000 objects where the loop took 2.73–3.08 ms. The first 16 places are written out (the
 * default model has 11 leaves and 16 nodes); places beyond them are looped over, as before.
 * Each function serves one kind of object only, so that its lines see only that kind's ids.
 * Another model (other ids) makes a line see several names, which costs what the loop did.
 */
/** into[j] = scores[ids[j]] for every j. */
export function cellsByLeaf<T>(scores: Record<string, T>, ids: string[], into: T[]): void {
  const n = ids.length;
  if (n > 0) into[0] = scores[ids[0]];
  if (n > 1) into[1] = scores[ids[1]];
  if (n > 2) into[2] = scores[ids[2]];
  if (n > 3) into[3] = scores[ids[3]];
  if (n > 4) into[4] = scores[ids[4]];
  if (n > 5) into[5] = scores[ids[5]];
  if (n > 6) into[6] = scores[ids[6]];
  if (n > 7) into[7] = scores[ids[7]];
  if (n > 8) into[8] = scores[ids[8]];
  if (n > 9) into[9] = scores[ids[9]];
  if (n > 10) into[10] = scores[ids[10]];
  if (n > 11) into[11] = scores[ids[11]];
  if (n > 12) into[12] = scores[ids[12]];
  if (n > 13) into[13] = scores[ids[13]];
  if (n > 14) into[14] = scores[ids[14]];
  if (n > 15) into[15] = scores[ids[15]];
  for (let j = 16; j < n; j++) into[j] = scores[ids[j]];
}

/** outcomes[ids[j]] = from[j] for every j. */
export function putByLeaf<T>(outcomes: Record<string, T>, ids: string[], from: T[]): void {
  const n = ids.length;
  if (n > 0) outcomes[ids[0]] = from[0];
  if (n > 1) outcomes[ids[1]] = from[1];
  if (n > 2) outcomes[ids[2]] = from[2];
  if (n > 3) outcomes[ids[3]] = from[3];
  if (n > 4) outcomes[ids[4]] = from[4];
  if (n > 5) outcomes[ids[5]] = from[5];
  if (n > 6) outcomes[ids[6]] = from[6];
  if (n > 7) outcomes[ids[7]] = from[7];
  if (n > 8) outcomes[ids[8]] = from[8];
  if (n > 9) outcomes[ids[9]] = from[9];
  if (n > 10) outcomes[ids[10]] = from[10];
  if (n > 11) outcomes[ids[11]] = from[11];
  if (n > 12) outcomes[ids[12]] = from[12];
  if (n > 13) outcomes[ids[13]] = from[13];
  if (n > 14) outcomes[ids[14]] = from[14];
  if (n > 15) outcomes[ids[15]] = from[15];
  for (let j = 16; j < n; j++) outcomes[ids[j]] = from[j];
}

/** values[ids[j]] = value[j] where has[j] is 1, else null, for every j. */
export function putByNode(values: Record<string, number | null>, ids: string[], has: Uint8Array, value: Float64Array): void {
  const n = ids.length;
  if (n > 0) values[ids[0]] = has[0] === 1 ? value[0] : null;
  if (n > 1) values[ids[1]] = has[1] === 1 ? value[1] : null;
  if (n > 2) values[ids[2]] = has[2] === 1 ? value[2] : null;
  if (n > 3) values[ids[3]] = has[3] === 1 ? value[3] : null;
  if (n > 4) values[ids[4]] = has[4] === 1 ? value[4] : null;
  if (n > 5) values[ids[5]] = has[5] === 1 ? value[5] : null;
  if (n > 6) values[ids[6]] = has[6] === 1 ? value[6] : null;
  if (n > 7) values[ids[7]] = has[7] === 1 ? value[7] : null;
  if (n > 8) values[ids[8]] = has[8] === 1 ? value[8] : null;
  if (n > 9) values[ids[9]] = has[9] === 1 ? value[9] : null;
  if (n > 10) values[ids[10]] = has[10] === 1 ? value[10] : null;
  if (n > 11) values[ids[11]] = has[11] === 1 ? value[11] : null;
  if (n > 12) values[ids[12]] = has[12] === 1 ? value[12] : null;
  if (n > 13) values[ids[13]] = has[13] === 1 ? value[13] : null;
  if (n > 14) values[ids[14]] = has[14] === 1 ? value[14] : null;
  if (n > 15) values[ids[15]] = has[15] === 1 ? value[15] : null;
  for (let j = 16; j < n; j++) values[ids[j]] = has[j] === 1 ? value[j] : null;
}
