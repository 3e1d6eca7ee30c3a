/** Background for a probability: the brand blue, stronger for higher p; white text once it is dark. */
export function heat(p: number): { backgroundColor?: string; color?: string } {
  if (p <= 0) return {};
  const alpha = 0.08 + 0.82 * p;
  return {
    backgroundColor: `rgba(15, 108, 189, ${alpha.toFixed(3)})`,
    color: alpha > 0.5 ? "#ffffff" : undefined,
  };
}
