import * as Plot from "@observablehq/plot";
import type { SimulationReport } from "../../simulate/index.ts";
import { plotDocument, type SvgElement } from "./render.ts";

interface Bar {
  reform: string;
  segment: string;
  spend: number;
  lower: number;
  upper: number;
  note: string;
}

/** Rounded, grouped, and never "-0". */
const whole = (x: number) => (Math.round(x) + 0).toLocaleString("en-GB");

/** What a segment's money bought: additional exporter-years and, where some, what each cost. */
function noteOf(seg: SimulationReport["differences"][number]["by_segment"][number]): string {
  const t = seg.totals;
  const added = t.additional_exporter_years.mean;
  const shown = Math.abs(added) < 10 ? (Math.round(added * 10) / 10 + 0).toFixed(1) : whole(added);
  const effect = `${shown} add. exporter-years`;
  const cost = t.cost_per_additional_exporter_year;
  if (!(t.spend.mean > 0) || !Number.isFinite(cost.mean) || cost.mean <= 0) return effect;
  const open = !cost.bounded && cost.n > 1;
  return `${effect} at ${whole(cost.mean)} each${open ? " (no upper bound)" : ""}`;
}

/**
 * Where each scenario's money goes: its spend on the firms of each spectrum segment (their
 * position in the baseline), one panel per scenario, with the 95% interval and, beside each
 * bar, the exporter-years the money added and what each cost. Money spent on segments that
 * add no exporters (experienced exporters, say) shows as a long bar with no effect.
 */
export function segmentSpend(report: SimulationReport): SvgElement {
  const bars: Bar[] = report.differences.flatMap((d) =>
    d.by_segment.map((seg) => ({
      reform: d.reform,
      segment: seg.segment,
      spend: seg.totals.spend.mean,
      lower: seg.totals.spend.lo,
      upper: seg.totals.spend.hi,
      note: noteOf(seg),
    })),
  );
  const reforms = report.differences.map((d) => d.reform);
  const segments = report.differences[0]?.by_segment.map((s) => s.segment) ?? [];
  const s = report.stamp;
  const discounted =
    report.discount_rate > 0 ? `, discounted at ${report.discount_rate * 100}%` : "";
  const title = `Where the money goes: spend by segment, each scenario minus ${s.reference}`;
  const subtitle = `${s.firms.toLocaleString("en-GB")} firms, ${s.years} years, ${s.replications} replications${discounted}; segment = baseline position at the start of the year; whiskers: 95% intervals`;
  const whiskers = bars.filter((b) => Number.isFinite(b.lower) && Number.isFinite(b.upper));
  // Titles go with the first panel only: a mark without fy would repeat in every panel.
  const first = [reforms[0]];
  return Plot.plot({
    document: plotDocument(),
    width: 900,
    height: 90 + reforms.length * (segments.length * 20 + 34),
    marginLeft: 180,
    marginRight: 320,
    marginTop: 76,
    facet: { marginTop: 22 },
    x: { label: "spend", grid: true, nice: true, tickFormat: "~s" },
    y: { label: null, domain: segments },
    fy: { axis: null, domain: reforms },
    color: { type: "categorical", domain: segments, scheme: "tableau10" },
    marks: [
      Plot.text([title], {
        fy: first,
        frameAnchor: "top-left",
        dx: -170,
        dy: -60,
        fontWeight: "bold",
        fontSize: 12,
      }),
      Plot.text([subtitle], {
        fy: first,
        frameAnchor: "top-left",
        dx: -170,
        dy: -44,
        fill: "#555",
      }),
      Plot.text(reforms, {
        fy: reforms,
        text: reforms,
        frameAnchor: "top-left",
        dx: -170,
        dy: -16,
        fontWeight: "bold",
      }),
      Plot.barX(bars, { x: "spend", y: "segment", fy: "reform", fill: "segment" }),
      Plot.ruleY(whiskers, { x1: "lower", x2: "upper", y: "segment", fy: "reform" }),
      Plot.text(bars, {
        // Right of the bar, its whisker and the zero line, so that no note covers a bar.
        x: (b: Bar) => Math.max(0, b.spend, Number.isFinite(b.upper) ? b.upper : b.spend),
        y: "segment",
        fy: "reform",
        text: "note",
        textAnchor: "start",
        dx: 6,
        fill: "#333",
      }),
      Plot.ruleX([0], { stroke: "#999" }),
    ],
  }) as unknown as SvgElement;
}
