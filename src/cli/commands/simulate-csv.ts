/**
 * The simulate report as one tidy CSV table (`--csv FILE`), a row per value: every scenario's
 * yearly series for all firms, by position and by state, its programmes' yearly counts and
 * spend, the survival of its new export spells, every difference from the reference
 * by year and position, and the totals, each with its mean and 95% Monte Carlo interval, ready
 * for a spreadsheet or a data frame.
 */
import { csvLine } from "../../io/index.ts";
import type { Interval, ReformTotals, SimulationReport, YearRow } from "../../simulate/index.ts";
import { num } from "./simulate-report.ts";

export const SIMULATE_CSV_HEADER = [
  "table",
  "scenario",
  "reference",
  "group",
  "year",
  "measure",
  "mean",
  "lo",
  "hi",
] as const;

export function reportCsv(report: SimulationReport): string {
  const ref = report.stamp.reference;
  const lines: string[] = [csvLine(SIMULATE_CSV_HEADER)];
  const years = (
    table: string,
    scenario: string,
    reference: string,
    group: string,
    rows: YearRow[],
  ) => {
    for (const r of rows) {
      for (const [measure, mean] of Object.entries(r.values)) {
        const [lo, hi] = r.intervals[measure] ?? [Number.NaN, Number.NaN];
        lines.push(
          csvLine([
            table,
            scenario,
            reference,
            group,
            r.year,
            measure,
            num(mean),
            num(lo),
            num(hi),
          ]),
        );
      }
    }
  };
  const totals = (scenario: string, group: string, t: ReformTotals) => {
    for (const [measure, i] of Object.entries(t) as [string, Interval][]) {
      // An unbounded ratio interval's open end is left empty, as a value that cannot be computed.
      lines.push(
        csvLine(["totals", scenario, ref, group, null, measure, num(i.mean), num(i.lo), num(i.hi)]),
      );
    }
  };
  // Groups named as in the run's aggregates (metrics.ts GROUPS): all firms, a spectrum position
  // in the baseline, or the firm's own state.
  for (const s of report.scenarios) {
    years("scenario", s.id, "", "all", s.years);
    for (const g of s.by_segment) years("scenario", s.id, "", `segment:${g.segment}`, g.years);
    for (const g of s.by_state) years("scenario", s.id, "", `state:${g.state}`, g.years);
    // Programmes' own yearly counts and spend: means over replications, without intervals.
    for (const p of s.programme_years) {
      for (const y of p.years) {
        for (const [measure, mean] of Object.entries(y)) {
          if (measure === "year") continue;
          lines.push(
            csvLine([
              "programme",
              s.id,
              "",
              `programme:${p.programme}`,
              y.year,
              measure,
              mean === null ? null : num(mean),
              null,
              null,
            ]),
          );
        }
      }
    }
    // Share of new export spells still running k years on (k = 1, 2, ...), over all firms.
    s.spell_survival.forEach((i, k) => {
      lines.push(
        csvLine([
          "survival",
          s.id,
          "",
          "all",
          null,
          `spells_running_after_${k + 1}_years`,
          num(i.mean),
          num(i.lo),
          num(i.hi),
        ]),
      );
    });
  }
  for (const d of report.differences) {
    years("difference", d.reform, ref, "all", d.years);
    for (const g of d.by_segment)
      years("difference", d.reform, ref, `segment:${g.segment}`, g.years);
    totals(d.reform, "all", d.totals);
    for (const g of d.by_segment) totals(d.reform, `segment:${g.segment}`, g.totals);
  }
  return lines.join("");
}
