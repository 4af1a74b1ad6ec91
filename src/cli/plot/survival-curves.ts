import * as Plot from "@observablehq/plot";
import type { SurvivalCurve } from "../../panel/index.ts";
import { plotDocument, type SvgElement } from "./render.ts";

interface Point {
  group: string;
  time: number;
  survival: number;
  lower: number;
  upper: number;
}

/**
 * Kaplan-Meier step curves from 1 at time 0, with the log-type confidence band and the group
 * named at the end of its curve (a label rather than a legend keeps the output a plain SVG).
 */
export function survivalCurves(
  curves: { group: string; curve: SurvivalCurve }[],
  title: string,
  xLabel: string,
): SvgElement {
  const points: Point[] = [];
  for (const { group, curve } of curves) {
    points.push({ group, time: 0, survival: 1, lower: 1, upper: 1 });
    curve.time.forEach((t, i) => {
      points.push({
        group,
        time: t,
        survival: curve.survival[i],
        lower: curve.lower[i],
        upper: curve.upper[i],
      });
    });
  }
  const band = points.filter((p) => !Number.isNaN(p.lower) && !Number.isNaN(p.upper));
  const ends = curves.map(({ group }) => points.filter((p) => p.group === group).at(-1)!);
  return Plot.plot({
    document: plotDocument(),
    width: 640,
    height: 400,
    marginRight: 90,
    marginTop: 48,
    x: { label: xLabel, nice: true },
    y: { label: "survival", domain: [0, 1], grid: true },
    color: { type: "categorical", domain: curves.map((c) => c.group), scheme: "tableau10" },
    marks: [
      Plot.areaY(band, {
        x: "time",
        y1: "lower",
        y2: "upper",
        fill: "group",
        fillOpacity: 0.15,
        curve: "step-after",
      }),
      Plot.lineY(points, {
        x: "time",
        y: "survival",
        stroke: "group",
        strokeWidth: 2,
        curve: "step-after",
      }),
      Plot.text(ends, {
        x: "time",
        y: "survival",
        text: "group",
        fill: "group",
        textAnchor: "start",
        dx: 6,
      }),
      Plot.ruleY([0.5], { stroke: "#999", strokeDasharray: "4,3" }),
      Plot.text([title], { frameAnchor: "top", dy: -34, fontWeight: "bold", fontSize: 12 }),
    ],
  }) as unknown as SvgElement;
}
