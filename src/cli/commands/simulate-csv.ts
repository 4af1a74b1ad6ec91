/**
 * The simulate report as one tidy CSV table (`--csv FILE`), a row per value: every scenario's
 * yearly series, every difference from the reference by year and segment, and the totals, each
 * with its mean and 95% Monte Carlo interval, ready for a spreadsheet or a data frame.
 */
import { csvLine } from "../../io/index.ts";
import type { Interval, ReformTotals, SimulationReport, YearRow } from "../../simulate/index.ts";

export const SIMULATE_CSV_HEADER = [
  "table",
  "scenario",
  "reference",
  "segment",
  "year",
  "measure",
  "mean",
  "lo",
  "hi",
] as const;

const value = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function reportCsv(report: SimulationReport): string {
  const ref = report.stamp.reference;
  const lines: string[] = [csvLine(SIMULATE_CSV_HEADER)];
  const years = (
    table: string,
    scenario: string,
    reference: string,
    segment: string,
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
            segment,
            r.year,
            measure,
            value(mean),
            value(lo),
            value(hi),
          ]),
        );
      }
    }
  };
  const totals = (scenario: string, segment: string, t: ReformTotals) => {
    for (const [measure, i] of Object.entries(t) as [string, Interval][]) {
      // An unbounded ratio interval's open end is left empty, as a value that cannot be computed.
      lines.push(
        csvLine([
          "totals",
          scenario,
          ref,
          segment,
          null,
          measure,
          value(i.mean),
          value(i.lo),
          value(i.hi),
        ]),
      );
    }
  };
  for (const s of report.scenarios) years("scenario", s.id, "", "all", s.years);
  for (const d of report.differences) {
    years("difference", d.reform, ref, "all", d.years);
    for (const seg of d.by_segment) years("difference", d.reform, ref, seg.segment, seg.years);
    totals(d.reform, "all", d.totals);
    for (const seg of d.by_segment) totals(d.reform, seg.segment, seg.totals);
  }
  return lines.join("");
}
