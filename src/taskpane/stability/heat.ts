import { heatColour } from "../../export/acceptability";

/**
 * Background and text for a probability: the shade of the presenter and the slides (the brand
 * blue, stronger for higher p) with the text colour measured to reach 4.5:1 on it.
 */
export function heat(p: number): { backgroundColor?: string; color?: string } {
  if (!(p > 0)) return {};
  const { fill, ink } = heatColour(p);
  return { backgroundColor: `#${fill}`, color: `#${ink}` };
}
