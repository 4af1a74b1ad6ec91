import * as Plot from "@observablehq/plot";

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

/** Each line's name at its end (`x`, `labelY` from spreadLabels), in the line's colour. */
export function endLabels<T extends { reform: string; labelY: number }>(
  ends: readonly T[],
  x: keyof T & string,
): Plot.Markish {
  return Plot.text(ends, {
    x,
    y: "labelY",
    text: "reform",
    fill: "reform",
    textAnchor: "start",
    dx: 6,
  });
}

/** A bold title and a grey subtitle above the frame (the chart's marginTop leaves room). */
export function titleMarks(title: string, subtitle: string): Plot.Markish[] {
  return [
    Plot.text([title], { frameAnchor: "top-left", dy: -40, fontWeight: "bold", fontSize: 12 }),
    Plot.text([subtitle], { frameAnchor: "top-left", dy: -24, fill: "#555" }),
  ];
}

/** Size and margins of a chart with end labels on the right and a title above. */
export const LABELLED_FRAME = { width: 720, height: 420, marginRight: 150, marginTop: 56 } as const;
