import { totalmem } from "node:os";
import { basename } from "node:path";
import { PanelWriter } from "../../io/index.ts";
import { calibrate, resultBytes, runSimulation, summarize } from "../../simulate/index.ts";
import { CliError, EXIT } from "../exit.ts";
import { createProgress } from "../progress.ts";
import { writeReportFile } from "../report-file.ts";
import { budgetQueueNote } from "./budget-queue-note.ts";
import { reportCsv } from "./simulate-csv.ts";
import { runOptionsOf, type SimulateOptions } from "./simulate-options.ts";
import { checkPaths } from "./simulate-paths.ts";
import { loadRegister } from "./simulate-register.ts";
import { reportJson, reportText } from "./simulate-report.ts";
import { loadReforms } from "./simulate-scenario.ts";
import { isSystemError } from "./system-error.ts";

/** Runs one write to the panel; the file system's refusal is a usage error naming the file. */
function writingPanel<T>(path: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (!isSystemError(err)) throw err;
    throw new CliError(`${path}: cannot write the panel (${err.message})`, EXIT.usage);
  }
}

/** Format of the stamp written beside a simulated panel (`<panel>.stamp.json`). */
export const PANEL_STAMP_FORMAT = "outward.simulate-panel-stamp/1";

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;

export async function simulateAction(
  scenario: string | null,
  opts: SimulateOptions,
): Promise<void> {
  const { reforms, files } = scenario ? await loadReforms(scenario) : { reforms: [], files: [] };
  checkPaths(files, opts);
  const notes: string[] = [];
  const ids = ["baseline", ...reforms.map((r) => r.id)];
  for (const [flag, id] of [
    ["--against", opts.against],
    ["--panel-scenario", opts.panelScenario],
  ]) {
    if (!ids.includes(id)) {
      throw new CliError(
        `${flag}: got "${id}", expected one of the scenarios: ${ids.join(", ")}`,
        EXIT.usage,
      );
    }
  }
  // Yearly results are kept per replication until the end: refuse a run that cannot hold them
  // before it starts, rather than failing hours in.
  const keeps = resultBytes(opts.years, opts.replications, ids.length);
  const limit = totalmem() / 4;
  if (keeps > limit) {
    throw new CliError(
      `--years ${opts.years} with --replications ${opts.replications} and ${ids.length} scenario${ids.length === 1 ? "" : "s"} would keep ${gb(keeps)} of yearly results, more than a quarter of this machine's memory (${gb(limit)}): lower --years or --replications`,
      EXIT.usage,
    );
  }
  if (opts.sweep !== null) {
    if (reforms.length === 0) {
      throw new CliError(
        "--sweep compares each reform's totals across values: give a scenario file with programmes",
        EXIT.usage,
      );
    }
    const { sweepAction } = await import("./simulate-sweep.ts");
    await sweepAction(reforms, opts, opts.sweep);
    return;
  }
  const register = opts.register ? await loadRegister(opts.register, opts, notes) : null;
  const panelPath = opts.panel;
  const panel = panelPath
    ? writingPanel(
        panelPath,
        () =>
          new PanelWriter(panelPath, {
            names: ids,
            scenarios: [ids.indexOf(opts.panelScenario)],
          }),
      )
    : null;
  const progress = createProgress({ label: "simulate", unit: "items" });
  let firstRep = true;
  try {
    const run = await runSimulation({
      ...runOptionsOf(opts, reforms),
      initial: register?.population ?? null,
      onProgress: (done, total) => {
        progress.update(done, total);
        if (done * opts.replications >= total) firstRep = false;
      },
      observer: panel
        ? (s, year, pop, start, end) => {
            if (firstRep) writingPanel(panel.path, () => panel.observe(s, year, pop, start, end));
          }
        : undefined,
    });
    progress.finish();
    if (panel) {
      // The CSV carries the data only; what produced it sits beside it.
      const stampPath = `${panel.path}.stamp.json`;
      writeReportFile(
        stampPath,
        `${JSON.stringify(
          {
            format: PANEL_STAMP_FORMAT,
            panel: basename(panel.path),
            scenario: opts.panelScenario,
            replication: 1,
            stamp: run.stamp,
            // The panel's firm k < (register size) is the register's k-th loaded row; later ids
            // are firms born in the run.
            ...(register ? { register_ids: register.ids } : {}),
          },
          null,
          2,
        )}\n`,
        "panel's stamp",
      );
      notes.push(`wrote ${panel.rows} firm-years to ${panel.path} (stamp in ${stampPath})`);
    }
    const queue = budgetQueueNote(run);
    if (queue !== null) notes.push(queue);
    const report = summarize(run, { discountRate: opts.discountRate });
    if (opts.csv !== null) {
      writeReportFile(opts.csv, reportCsv(report), "CSV");
      notes.push(`wrote the series, differences and totals to ${opts.csv}`);
    }
    const charts = [
      { path: opts.plot, what: "the chart of additional exporters per year", spend: false },
      { path: opts.plotSpend, what: "the chart of spend by segment", spend: true },
    ];
    for (const { path, what, spend } of charts) {
      if (path === null) continue;
      if (report.differences.length === 0) {
        notes.push(`no chart written to ${path}: a run without reforms has no differences`);
        continue;
      }
      const { reformEffects, segmentSpend, writeSvg } = await import("../plot/index.ts");
      // From a register with survey weights, the exporters its firms stand for, as the totals.
      const weighted = report.scenarios.some((sc) =>
        sc.years.some((y) => y.values.weighted_exporters !== y.values.exporters),
      );
      const effects = weighted
        ? reformEffects(report, "weighted_exporters", "additional exporters (survey-weighted)")
        : reformEffects(report);
      await writeSvg(path, spend ? segmentSpend(report) : effects);
      notes.push(`wrote ${what} to ${path}`);
    }
    process.stdout.write(
      opts.json
        ? `${JSON.stringify(reportJson(report, notes), null, 2)}\n`
        : reportText(report, notes),
    );
    if (register && register.rejected > 0) process.exitCode = EXIT.rejected;
  } finally {
    panel?.close();
  }
}

export async function calibrateAction(opts: SimulateOptions): Promise<void> {
  const report = await calibrate({
    firms: opts.firms,
    years: opts.years,
    seed: opts.seed,
    params: opts.params,
  });
  if (opts.json) {
    const { run: _run, ...rest } = report;
    process.stdout.write(
      `${JSON.stringify({ ...rest, stamp: report.run.stamp, lpm: { terms: report.lpm.terms, coef: [...report.lpm.coef], se: [...report.lpm.se], n: report.lpm.n } }, null, 2)}\n`,
    );
  } else {
    const lines = [
      `Calibration of the default baseline (${report.run.stamp.firms} firms, ${report.run.stamp.years} years, seed ${report.run.stamp.seed})`,
      "",
    ];
    for (const c of report.checks) {
      lines.push(
        `${c.pass ? "ok  " : "MISS"} ${c.id.padEnd(32)} ${c.value.toFixed(3).padStart(7)}  target [${c.lo}, ${c.hi}]`,
      );
      lines.push(`     ${c.description}; ${c.source}`);
    }
    lines.push(
      "",
      `model state dependence P(x|x_-1=1) - P(x|x_-1=0): ${report.model_hysteresis.toFixed(3)}`,
    );
    lines.push(
      `LPM coefficient on last year's export status: ${report.lpm.coef[1].toFixed(3)} (iid se ${report.lpm.se[1].toFixed(4)}, optimistic on a panel; n ${report.lpm.n})`,
    );
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  if (report.checks.some((c) => !c.pass)) process.exitCode = EXIT.failure;
}
