/**
 * Vertical positions for labels at the ends of lines, moved apart where they would overlap: at
 * least 1/24 of the range [lo, hi] between neighbours, keeping their order.
 */
export function spreadLabels<T>(
  items: readonly T[],
  y: (item: T) => number,
  lo: number,
  hi: number,
): Array<T & { labelY: number }> {
  const sorted = [...items].sort((a, b) => y(a) - y(b));
  const gap = (hi - lo || 1) / 24;
  const ys = sorted.map(y);
  for (let k = 1; k < ys.length; k++) ys[k] = Math.max(ys[k], ys[k - 1] + gap);
  return sorted.map((item, k) => ({ ...item, labelY: ys[k] }));
}
