/**
 * The simulate command's two outputs: the stable JSON document (docs/simulate.md) and the
 * readable text report.
 */
import {
  defaultParams,
  type Interval,
  type ParamName,
  type RatioInterval,
  type ReformTotals,
  type SimulationReport,
  type YearRow,
} from "../../simulate/index.ts";

export const SIMULATE_FORMAT = "outward.simulate/1";

/** A value for JSON and CSV: 0/0 and an unbounded end become null (an empty cell). */
export const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

function yearJson(r: YearRow): Record<string, unknown> {
  const out: Record<string, unknown> = { year: r.year };
  for (const [k, v] of Object.entries(r.values)) out[k] = num(v);
  out.intervals = Object.fromEntries(
    Object.entries(r.intervals).map(([k, [lo, hi]]) => [k, [num(lo), num(hi)]]),
  );
  return out;
}

function intervalJson(i: Interval): Record<string, number | boolean | null> {
  const out: Record<string, number | boolean | null> = {
    mean: num(i.mean),
    lo: num(i.lo),
    hi: num(i.hi),
    sd: num(i.sd),
    n: i.n,
  };
  // A ratio's interval may be unbounded (its bound is then null, as 0/0 is): say which.
  if ("bounded" in i) out.bounded = (i as RatioInterval).bounded;
  return out;
}

export function totalsJson(t: ReformTotals): Record<string, unknown> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, intervalJson(v)]));
}

export function reportJson(report: SimulationReport, notes: string[]): unknown {
  return {
    format: SIMULATE_FORMAT,
    stamp: report.stamp,
    discount_rate: report.discount_rate,
    notes,
    scenarios: report.scenarios.map((s) => ({
      id: s.id,
      programmes: s.programmes,
      years: s.years.map(yearJson),
      by_segment: s.by_segment.map((g) => ({ segment: g.segment, years: g.years.map(yearJson) })),
      by_state: s.by_state.map((g) => ({ state: g.state, years: g.years.map(yearJson) })),
      spell_survival: s.spell_survival.map((v, k) => ({ after_years: k + 1, ...intervalJson(v) })),
      programme_years: s.programme_years,
    })),
    differences: report.differences.map((d) => ({
      reform: d.reform,
      years: d.years.map(yearJson),
      totals: totalsJson(d.totals),
      by_segment: d.by_segment.map((s) => ({
        segment: s.segment,
        totals: totalsJson(s.totals),
      })),
    })),
  };
}

/** `toFixed` keeps the sign of a value that rounds to zero ("-0.0"); a report shows 0.0. */
const fixed = (x: number, d: number) => x.toFixed(d).replace(/^-(0\.?0*)$/, "$1");
/** A share as a percentage with one decimal ("-" when not finite). */
export const pct = (x: number) => (Number.isFinite(x) ? `${fixed(100 * x, 1)}%` : "-");
// `+ 0` turns the -0 that Math.round gives small negative differences into 0.
/** A count rounded to a whole number with thousands separators ("-" when not finite). */
export const int = (x: number) =>
  Number.isFinite(x) ? (Math.round(x) + 0).toLocaleString("en-GB") : "-";
/** An interval bound; a ratio's interval is unbounded when its denominator's reaches zero. */
const bound = (x: number, f: (x: number) => string) =>
  x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY ? "unbounded" : f(x);
export const ci = (i: Interval, f: (x: number) => string) =>
  i.n > 1 ? `${f(i.mean)} [${bound(i.lo, f)}, ${bound(i.hi, f)}]` : f(i.mean);

/**
 * Cost per additional exporter-year, or why there is none: money spent without adding
 * exporter-years on average has no cost per exporter-year (the ratio would be negative or
 * infinite), which "-" would hide.
 */
function costText(t: ReformTotals, interval = true): string {
  const cost = t.cost_per_additional_exporter_year;
  if (Number.isFinite(cost.mean)) return interval ? ci(cost, int) : int(cost.mean);
  return t.spend.mean > 0 && !(t.additional_exporter_years.mean > 0) ? "none added" : "-";
}

export function reportText(report: SimulationReport, notes: string[]): string {
  const s = report.stamp;
  const lines: string[] = [];
  lines.push(
    `Simulated ${int(s.firms)} firms, ${s.years} years from ${s.start_year}, ${s.replications} replication(s), seed ${s.seed}`,
    `model ${s.model_version}, parameters ${s.params_hash}, burn-in ${s.burn_in} years`,
  );
  const defaults = defaultParams();
  const changed = (Object.keys(s.params) as ParamName[]).filter((k) => s.params[k] !== defaults[k]);
  if (changed.length > 0) {
    lines.push(
      `parameters changed from their defaults: ${changed.map((k) => `${k}=${s.params[k]}`).join(", ")}`,
    );
  }
  for (const n of notes) lines.push(`note: ${n}`);
  for (const sc of report.scenarios) {
    lines.push(
      "",
      `Scenario ${sc.id}${sc.programmes.length ? ` (${sc.programmes.join(", ")})` : ""}`,
    );
    lines.push(
      "  year  exporters  share   entries  exits  re-entries  suspended  intensity  take-up",
    );
    for (const y of sc.years) {
      const v = y.values;
      lines.push(
        `  ${y.year}  ${int(v.exporters).padStart(9)}  ${pct(v.exporter_share).padStart(5)}  ${int(v.entries).padStart(8)}  ${int(v.exits).padStart(5)}  ${int(v.re_entries).padStart(10)}  ${int(v.suspensions).padStart(9)}  ${pct(v.mean_intensity).padStart(9)}  ${int(v.take_up).padStart(7)}`,
      );
    }
    lines.push(
      `  new export spells still running after 1..${sc.spell_survival.length} years: ${sc.spell_survival.map((v) => pct(v.mean)).join(", ")}`,
    );
    // The last year by group; every year of every group is in --json and --csv.
    const last = sc.years.length - 1;
    lines.push(
      `  ${sc.years[last].year} by position (baseline, year start)  firms  share   entries  exits  re-entries  suspended  take-up`,
    );
    for (const g of sc.by_segment) {
      const v = g.years[last].values;
      lines.push(
        `    ${g.segment.padEnd(35)} ${int(v.firms).padStart(6)}  ${pct(v.exporter_share).padStart(5)}  ${int(v.entries).padStart(8)}  ${int(v.exits).padStart(5)}  ${int(v.re_entries).padStart(10)}  ${int(v.suspensions).padStart(9)}  ${int(v.take_up).padStart(7)}`,
      );
    }
    if (sc.programme_years.length > 0) {
      // Turned away > 0: the budget binds; served < applied without it: pro-rata shares.
      // From a register with survey weights, the firms those served stand for as well.
      const weighted = sc.programme_years.some((p) =>
        p.years.some((y) => y.weighted_take_up !== y.take_up),
      );
      lines.push(
        `  ${sc.years[last].year} programmes                             eligible  applied   served  turned away       spend      budget${weighted ? "  served, weighted" : ""}`,
      );
      for (const p of sc.programme_years) {
        const y = p.years[last];
        lines.push(
          `    ${p.programme.padEnd(35)} ${int(y.eligible).padStart(8)}  ${int(y.applicants).padStart(7)}  ${int(y.take_up).padStart(7)}  ${int(y.rationed_out).padStart(11)}  ${int(y.spend).padStart(10)}  ${(y.budget === undefined ? "-" : y.budget === null ? "no cap" : int(y.budget)).padStart(10)}${weighted ? `  ${int(y.weighted_take_up).padStart(16)}` : ""}`,
        );
      }
    }
    lines.push(`  ${sc.years[last].year} by state                            firms  take-up`);
    for (const g of sc.by_state) {
      const v = g.years[last].values;
      lines.push(
        `    ${g.state.padEnd(35)} ${int(v.firms).padStart(6)}  ${int(v.take_up).padStart(7)}`,
      );
    }
  }
  for (const d of report.differences) {
    const t = d.totals;
    lines.push(
      "",
      `Difference: ${d.reform} minus ${s.reference} (mean [95% Monte Carlo interval])`,
    );
    if (report.discount_rate > 0) {
      lines.push(
        `  exporter-years and spend discounted at ${fixed(100 * report.discount_rate, 1)}% a year to ${s.start_year}`,
      );
    }
    const againstBaseline = s.reference === "baseline";
    const spend = againstBaseline ? "spend" : "spend, difference";
    const line = (label: string, value: string) => lines.push(`  ${label.padEnd(34)} ${value}`);
    line("additional exporter-years:", ci(t.additional_exporter_years, int));
    line("additional exporters, last year:", ci(t.additional_exporters_last_year, int));
    line("supported firm-years:", ci(t.recipients, int));
    line(`${spend}:`, ci(t.spend, int));
    line("cost per additional exporter-year:", costText(t));
    line("deadweight (would export anyway):", ci(t.deadweight_share, pct));
    if (!againstBaseline) {
      // The reference supports firms too: what the scenario adds is support it did not give.
      line(`supported, not by ${s.reference}:`, ci(t.additional_recipients, int));
      line("  of which would export anyway:", ci(t.additional_deadweight_share, pct));
    }
    // Where the money went, segment by segment: every column is what the scenario adds to the
    // reference, support included (against the baseline, all support is added support).
    const supported = againstBaseline ? "supported" : "newly supported";
    lines.push(
      "  by segment (baseline position at the start of each year):",
      `    ${"segment".padEnd(26)} ${"add. exporter-years".padStart(19)}  ${supported.padStart(15)}  ${"deadweight".padStart(10)}  ${spend.padStart(18)}  ${"cost per add. exporter-year".padStart(27)}`,
    );
    let unbounded = false;
    for (const seg of d.by_segment) {
      const x = seg.totals;
      const cost = x.cost_per_additional_exporter_year;
      // A segment's effect that cannot be told from zero leaves its cost without an upper bound.
      const mark = Number.isFinite(cost.mean) && !cost.bounded && cost.n > 1 ? " *" : "";
      if (mark !== "") unbounded = true;
      lines.push(
        `    ${seg.segment.padEnd(26)} ${int(x.additional_exporter_years.mean).padStart(19)}  ${int(x.additional_recipients.mean).padStart(15)}  ${pct(x.additional_deadweight_share.mean).padStart(10)}  ${int(x.spend.mean).padStart(18)}  ${costText(x, false).padStart(27)}${mark}`,
      );
    }
    if (unbounded) {
      lines.push(
        "    * additional exporter-years not distinguishable from zero (95%): no upper bound on the cost",
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
