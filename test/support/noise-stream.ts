/**
 * The Monte Carlo's noise as the tests' references draw it, written apart from src/core/uncertainty.ts:
 * mulberry32 from seed ^ 0x9e3779b9, each output's high 16 bits, then its low 16 bits.
 */
import { mulberry32 } from "../../src/core/random";

export function noiseStream(seed: number): () => number {
  const random = mulberry32((seed ^ 0x9e3779b9) >>> 0);
  let spare = -1;
  return () => {
    if (spare >= 0) {
      const z = spare;
      spare = -1;
      return z;
    }
    const y = random() * 4294967296;
    spare = y & 0xffff;
    return y >>> 16;
  };
}
