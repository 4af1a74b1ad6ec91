/**
 * `outward simulate --sweep name=v1,v2,...`: the same comparison run once per value of one
 * parameter, with the same seed (so every value meets the same random numbers and the rows
 * differ by the parameter alone), and each reform's totals side by side: whether a reform's
 * effect and cost per additional exporter-year survive a change in an uncertain assumption.
 */
import { csvLine } from "../../io/index.ts";
import {
  defaultParams,
  type ReformSpec,
  type ReformTotals,
  type RunStamp,
  runSimulation,
  summarize,
} from "../../simulate/index.ts";
import { createProgress } from "../progress.ts";
import { writeReportFile } from "../report-file.ts";
import { budgetQueueNote } from "./budget-queue-note.ts";
import { runOptionsOf, type SimulateOptions, type Sweep } from "./simulate-options.ts";
import { ci, int, num, pct, totalsJson } from "./simulate-report.ts";

export const SWEEP_FORMAT = "outward.simulate-sweep/1";

export interface SweepRun {
  value: number;
  stamp: RunStamp;
  differences: Array<{ reform: string; totals: ReformTotals }>;
}

export async function sweepAction(
  reforms: ReformSpec[],
  opts: SimulateOptions,
  sweep: Sweep,
): Promise<void> {
  const progress = createProgress({ label: `sweep ${sweep.name}`, unit: "items" });
  const runs: SweepRun[] = [];
  const n = sweep.values.length;
  // Every value runs the same reforms on the same blocks.
  let queue: string | null = null;
  for (let k = 0; k < n; k++) {
    const run = await runSimulation({
      ...runOptionsOf(opts, reforms, sweep.params[k]),
      onProgress: (done, total) => progress.update(k * total + done, n * total),
    });
    queue ??= budgetQueueNote(run);
    const report = summarize(run, { discountRate: opts.discountRate });
    runs.push({
      value: sweep.values[k],
      stamp: run.stamp,
      differences: report.differences.map((d) => ({ reform: d.reform, totals: d.totals })),
    });
  }
  progress.finish();
  const notes: string[] = [];
  if (queue !== null) notes.push(queue);
  if (opts.csv !== null) {
    writeReportFile(opts.csv, sweepCsv(sweep, runs), "CSV");
    notes.push(`wrote every reform's totals at each value to ${opts.csv}`);
  }
  if (opts.plot !== null) {
    const { sweepEffects, writeSvg } = await import("../plot/index.ts");
    const points = runs.flatMap((r) =>
      r.differences.map((d) => ({
        reform: d.reform,
        value: r.value,
        total: d.totals.additional_exporter_years,
      })),
    );
    await writeSvg(opts.plot, sweepEffects(points, sweep.name, defaultParams()[sweep.name]));
    notes.push(
      `wrote the chart of additional exporter-years against ${sweep.name} to ${opts.plot}`,
    );
  }
  process.stdout.write(
    opts.json
      ? `${JSON.stringify(sweepJson(sweep, opts, runs, notes), null, 2)}\n`
      : sweepText(sweep, opts, runs) + notes.map((n) => `note: ${n}\n`).join(""),
  );
}

export function sweepJson(
  sweep: Sweep,
  opts: SimulateOptions,
  runs: SweepRun[],
  notes: string[] = [],
): unknown {
  return {
    format: SWEEP_FORMAT,
    parameter: sweep.name,
    default: defaultParams()[sweep.name],
    discount_rate: opts.discountRate,
    notes,
    runs: runs.map((r) => ({
      value: r.value,
      stamp: r.stamp,
      differences: r.differences.map((d) => ({
        reform: d.reform,
        totals: totalsJson(d.totals),
      })),
    })),
  };
}

export const SWEEP_CSV_HEADER = [
  "parameter",
  "value",
  "scenario",
  "reference",
  "measure",
  "mean",
  "lo",
  "hi",
] as const;

/** Every reform's totals at every value, one row per value and measure. */
export function sweepCsv(sweep: Sweep, runs: SweepRun[]): string {
  const lines = [csvLine(SWEEP_CSV_HEADER)];
  for (const r of runs) {
    for (const d of r.differences) {
      for (const [measure, i] of Object.entries(d.totals)) {
        lines.push(
          csvLine([
            sweep.name,
            r.value,
            d.reform,
            r.stamp.reference,
            measure,
            num(i.mean),
            num(i.lo),
            num(i.hi),
          ]),
        );
      }
    }
  }
  return lines.join("");
}

export function sweepText(sweep: Sweep, opts: SimulateOptions, runs: SweepRun[]): string {
  const s = runs[0].stamp;
  const lines = [
    `Sweep of ${sweep.name} over ${sweep.values.length} values (default ${defaultParams()[sweep.name]}): ${int(s.firms)} firms, ${s.years} years from ${s.start_year}, ${s.replications} replication(s), seed ${s.seed}`,
    "Each value is a whole run under the same random numbers, so rows differ by the parameter alone.",
  ];
  if (opts.discountRate > 0) {
    lines.push(
      `Exporter-years and spend discounted at ${(100 * opts.discountRate).toFixed(1)}% a year to ${s.start_year}.`,
    );
  }
  const header = `  ${sweep.name.padEnd(Math.max(12, sweep.name.length))}  ${"add. exporter-years".padEnd(24)}  ${"spend".padStart(14)}  ${"cost per add. exporter-year".padEnd(36)}  deadweight`;
  for (const [k, d] of runs[0].differences.entries()) {
    lines.push(
      "",
      `Difference: ${d.reform} minus ${s.reference} (mean [95% Monte Carlo interval])`,
      header,
    );
    for (const r of runs) {
      const t = r.differences[k].totals;
      lines.push(
        `  ${String(r.value).padEnd(Math.max(12, sweep.name.length))}  ${ci(t.additional_exporter_years, int).padEnd(24)}  ${int(t.spend.mean).padStart(14)}  ${ci(t.cost_per_additional_exporter_year, int).padEnd(36)}  ${pct(t.deadweight_share.mean)}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
