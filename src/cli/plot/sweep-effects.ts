import * as Plot from "@observablehq/plot";
import type { Interval } from "../../simulate/index.ts";
import { endLabels, LABELLED_FRAME, spreadLabels, titleMarks } from "./labels.ts";
import { plotDocument, type SvgElement } from "./render.ts";

/** One reform's total at one value of the swept parameter. */
export interface SweepPoint {
  reform: string;
  value: number;
  total: Interval;
}

interface Row {
  reform: string;
  value: number;
  mean: number;
  lo: number;
  hi: number;
}

/**
 * A reform's total (additional exporter-years by default) against the swept parameter's value,
 * one line per reform with its 95% Monte Carlo interval as a band: whether the
 * effect, and the ranking of reforms, survive a change in an assumption.
 */
export function sweepEffects(
  points: SweepPoint[],
  parameter: string,
  defaultValue: number,
  label = "additional exporter-years",
): SvgElement {
  const rows: Row[] = points
    .filter((p) => Number.isFinite(p.total.mean))
    .map((p) => ({
      reform: p.reform,
      value: p.value,
      mean: p.total.mean,
      lo: p.total.lo,
      hi: p.total.hi,
    }));
  const band = rows.filter((r) => Number.isFinite(r.lo) && Number.isFinite(r.hi));
  const reforms = [...new Set(points.map((p) => p.reform))];
  const last = Math.max(...rows.map((r) => r.value));
  const values = rows.flatMap((r) => [r.mean, r.lo, r.hi]).filter(Number.isFinite);
  const ends = spreadLabels(
    rows.filter((r) => r.value === last),
    (r) => r.mean,
    Math.min(...values),
    Math.max(...values),
  );
  return Plot.plot({
    document: plotDocument(),
    ...LABELLED_FRAME,
    x: { label: parameter, nice: true },
    y: { label: null, grid: true, nice: true },
    color: { type: "categorical", domain: reforms, scheme: "tableau10" },
    marks: [
      Plot.ruleY([0], { stroke: "#999" }),
      Plot.ruleX([defaultValue], { stroke: "#bbb", strokeDasharray: "4,3" }),
      Plot.areaY(band, { x: "value", y1: "lo", y2: "hi", fill: "reform", fillOpacity: 0.1 }),
      Plot.lineY(rows, { x: "value", y: "mean", stroke: "reform", strokeWidth: 2 }),
      Plot.dot(rows, { x: "value", y: "mean", fill: "reform", r: 3 }),
      endLabels(ends, "value"),
      ...titleMarks(
        `${label[0].toUpperCase()}${label.slice(1)} against ${parameter}`,
        `bands: 95% Monte Carlo intervals; dashed: the default (${defaultValue})`,
      ),
    ],
  }) as unknown as SvgElement;
}
