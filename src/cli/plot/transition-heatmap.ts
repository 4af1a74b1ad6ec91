import * as Plot from "@observablehq/plot";
import type { TransitionMatrix } from "../../panel/index.ts";
import { plotDocument, type SvgElement } from "./render.ts";

interface Cell {
  panel: string;
  from: string;
  to: string;
  p: number;
  label: string;
}

/**
 * Heatmap of row probabilities (rows = state at t, columns = state at t + 1), one facet per
 * group; each cell prints its probability and weighted count.
 */
export function transitionHeatmap(
  panels: { name: string; matrix: TransitionMatrix }[],
  title: string,
): SvgElement {
  const cells: Cell[] = [];
  for (const { name, matrix } of panels) {
    matrix.states.forEach((from, a) => {
      matrix.states.forEach((to, b) => {
        const p = matrix.probabilities[a][b];
        const n = matrix.counts[a][b];
        const count = Number.isInteger(n) ? String(n) : n.toFixed(1);
        cells.push({
          panel: name,
          from,
          to,
          p,
          label: Number.isNaN(p) ? "-" : `${p.toFixed(2)}\n(${count})`,
        });
      });
    });
  }
  const states = panels[0]?.matrix.states ?? [];
  const side = Math.max(60, Math.min(110, 440 / Math.max(1, states.length)));
  return Plot.plot({
    document: plotDocument(),
    width: Math.max(320, panels.length * (states.length * side + 40) + 120),
    height: states.length * side + 90,
    marginLeft: 90,
    marginTop: 50,
    padding: 0.04,
    x: { type: "band", domain: states, label: `${title}: state at t+1`, axis: "top" },
    y: { type: "band", domain: states, label: "state at t" },
    fx:
      panels.length > 1
        ? { type: "band", domain: panels.map((p) => p.name), label: null }
        : undefined,
    color: { type: "linear", domain: [0, 1], scheme: "blues" },
    marks: [
      Plot.cell(cells, {
        x: "to",
        y: "from",
        fx: panels.length > 1 ? "panel" : undefined,
        fill: "p",
      }),
      Plot.text(cells, {
        x: "to",
        y: "from",
        fx: panels.length > 1 ? "panel" : undefined,
        text: "label",
        fill: (d: Cell) => (d.p > 0.55 ? "white" : "black"),
        lineHeight: 1.2,
      }),
    ],
  }) as unknown as SvgElement;
}
