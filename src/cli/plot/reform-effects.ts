import * as Plot from "@observablehq/plot";
import type { SimulationReport } from "../../simulate/index.ts";
import { endLabels, LABELLED_FRAME, spreadLabels, titleMarks } from "./labels.ts";
import { plotDocument, type SvgElement } from "./render.ts";

interface Point {
  reform: string;
  year: number;
  value: number;
  lower: number;
  upper: number;
}

/**
 * Each scenario's difference from the reference year by year in one series (by default the
 * exporters it adds), with the 95% Monte Carlo band and the scenario named at the end of its
 * line: how a programme's effect builds up and whether it lasts.
 */
export function reformEffects(
  report: SimulationReport,
  series = "exporters",
  label = "additional exporters",
): SvgElement {
  const points: Point[] = [];
  for (const d of report.differences) {
    for (const y of d.years) {
      const [lower, upper] = y.intervals[series] ?? [Number.NaN, Number.NaN];
      points.push({ reform: d.reform, year: y.year, value: y.values[series], lower, upper });
    }
  }
  const drawn = points.filter((p) => Number.isFinite(p.value));
  const band = drawn.filter((p) => Number.isFinite(p.lower) && Number.isFinite(p.upper));
  const reforms = report.differences.map((d) => d.reform);
  const values = drawn.flatMap((p) => [p.value, p.lower, p.upper]).filter(Number.isFinite);
  const ends = spreadLabels(
    reforms.flatMap((r) => drawn.filter((p) => p.reform === r).slice(-1)),
    (p) => p.value,
    Math.min(...values),
    Math.max(...values),
  );
  const s = report.stamp;
  const title = `${label[0].toUpperCase()}${label.slice(1)} per year: each scenario minus ${s.reference}`;
  const subtitle = `${s.firms.toLocaleString("en-GB")} firms, ${s.replications} replications, seed ${s.seed}; bands: 95% Monte Carlo intervals`;
  return Plot.plot({
    document: plotDocument(),
    ...LABELLED_FRAME,
    x: { label: "year", tickFormat: "d", ticks: Math.min(s.years, 10) },
    y: { label: null, grid: true, nice: true },
    color: { type: "categorical", domain: reforms, scheme: "tableau10" },
    marks: [
      Plot.ruleY([0], { stroke: "#999" }),
      Plot.areaY(band, { x: "year", y1: "lower", y2: "upper", fill: "reform", fillOpacity: 0.12 }),
      Plot.lineY(drawn, { x: "year", y: "value", stroke: "reform", strokeWidth: 2 }),
      Plot.dot(drawn, { x: "year", y: "value", fill: "reform", r: 2 }),
      endLabels(ends, "year"),
      ...titleMarks(title, subtitle),
    ],
  }) as unknown as SvgElement;
}
