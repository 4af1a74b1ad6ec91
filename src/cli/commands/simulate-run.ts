import { readFileSync, realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { totalmem } from "node:os";
import { basename, dirname, resolve } from "node:path";
import type { Profile } from "../../firm/index.ts";
import { formatIssue, type Issue, OutwardError } from "../../framework/index.ts";
import { PanelWriter, readFirmRecords } from "../../io/index.ts";
import type { ReformSpec } from "../../simulate/index.ts";
import {
  calibrate,
  DEFAULT_HOOK_FACTORY,
  fromProfiles,
  linkFactory,
  resultBytes,
  runSimulation,
  summarize,
} from "../../simulate/index.ts";
import { CliError, EXIT } from "../exit.ts";
import { createProgress } from "../progress.ts";
import { writeReportFile } from "./report-file.ts";
import { reportCsv } from "./simulate-csv.ts";
import { runOptionsOf, type SimulateOptions } from "./simulate-options.ts";
import { reportJson, reportText } from "./simulate-report.ts";

/** The scenario's systems, and every file read for them (the scenario and its `from` chain). */
async function loadReforms(file: string): Promise<{ reforms: ReformSpec[]; files: string[] }> {
  const policy = await import("../../policy/index.ts");
  // The programmes' module is already loaded here: linked, this thread needs no TypeScript loader
  // to import it again by URL (the prebuilt CLI runs without one).
  linkFactory(DEFAULT_HOOK_FACTORY, policy);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new CliError(`cannot read scenario ${file} (${(err as Error).message})`, EXIT.usage);
  }
  const fail = (issues: Issue[]) => new CliError(issues.map(formatIssue).join("\n"), EXIT.usage);
  const parsed = policy.parseScenario(text, { file });
  if (!parsed.ok) throw fail(parsed.issues);
  // The policy reader is synchronous; referenced scenario files are small and read once.
  const files = [file];
  const reader = (ref: string, from: string) => {
    const path = resolve(dirname(from), ref);
    try {
      const text = readFileSync(path, "utf8");
      files.push(path);
      return { ok: true as const, value: { file: path, text } };
    } catch (err) {
      return {
        ok: false as const,
        issues: [
          {
            code: "unreadable",
            file: from,
            field: "baseline.from",
            value: ref,
            message: `cannot read ${ref}: ${(err as Error).message}`,
          },
        ],
      };
    }
  };
  const resolved = policy.resolveScenario(parsed.value, file, reader);
  if (!resolved.ok) throw fail(resolved.issues);
  return { reforms: policy.systemSpecs(resolved.value), files };
}

/**
 * What makes a valid profile unfit to start a simulation: observed after the year the run starts
 * from (its history would be read from the future), or a second row for a firm already loaded
 * (it would count twice).
 */
function registerIssues(
  p: Profile,
  file: string,
  row: number,
  observed: number,
  firstRow: Map<string, number>,
): Issue[] {
  const issues: Issue[] = [];
  for (const field of ["founded", "assessed"] as const) {
    const year = p[field];
    if (year !== null && year > observed) {
      issues.push({
        code: "after_start",
        file,
        row,
        field,
        value: year,
        expected: `a year up to ${observed}`,
        message: `got ${year}, expected a year up to ${observed}: the register describes firms in the year before --start-year`,
      });
    }
  }
  const first = firstRow.get(p.id);
  if (first !== undefined) {
    issues.push({
      code: "duplicate_id",
      file,
      row,
      field: "id",
      value: p.id,
      expected: "an id not used by an earlier row",
      message: `got "${p.id}" again (first on row ${first}), expected one row per firm`,
    });
  } else if (issues.length === 0) firstRow.set(p.id, row);
  return issues;
}

async function loadRegister(path: string, opts: SimulateOptions, notes: string[]) {
  const profiles: Profile[] = [];
  const firstRow = new Map<string, number>();
  let rejected = 0;
  try {
    for await (const row of readFirmRecords(path, {
      onWarning: (i) => notes.push(formatIssue(i)),
    })) {
      const issues = row.result.ok
        ? registerIssues(row.result.value, path, row.row, opts.startYear - 1, firstRow)
        : row.result.issues;
      if (row.result.ok && issues.length === 0) profiles.push(row.result.value);
      else {
        rejected++;
        for (const issue of issues) process.stderr.write(`${formatIssue(issue)}\n`);
      }
    }
  } catch (err) {
    // An unreadable register is bad input, like a bad option, not a failed computation.
    if (err instanceof OutwardError) throw new CliError(err.message, EXIT.usage);
    if (isSystemError(err)) {
      throw new CliError(`${path}: cannot read the register (${err.message})`, EXIT.usage);
    }
    throw err;
  }
  if (profiles.length === 0) throw new CliError(`${path}: no valid firm profiles`, EXIT.usage);
  if (rejected > 0)
    notes.push(`${rejected} rows of ${path} were rejected (listed on stderr) and not simulated`);
  const loaded = fromProfiles(profiles, opts.params, opts.startYear - 1, opts.seed);
  for (const n of loaded.notes) notes.push(n.message);
  const { weight, n } = loaded.population;
  let stands = 0;
  for (let i = 0; i < n; i++) stands += weight[i];
  if (stands !== n) {
    notes.push(
      `survey weights: the ${n} firms stand for ${Math.round(stands)}; budgets, spend and the reform totals are the population's (a firm counts, and costs, its weight), the yearly counts and take-up the register's firms`,
    );
  }
  return { population: loaded.population, rejected, ids: profiles.map((p) => p.id) };
}

/** A path as the file system will see it: absolute, through symlinks when it exists. */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Refuses, before anything runs, an output that would overwrite an input or another output:
 * `--panel` over the register, `--csv` and `--plot` on one file, and so on.
 */
function checkPaths(scenarioFiles: readonly string[], opts: SimulateOptions): void {
  const named: Array<[string, string | null, "input" | "output"]> = [
    ...scenarioFiles.map((f, k): [string, string, "input"] => [
      k === 0 ? "the scenario" : `the scenario's ${basename(f)}`,
      f,
      "input",
    ]),
    ["--register", opts.register === "-" ? null : opts.register, "input"],
    ["--panel", opts.panel, "output"],
    ["--panel's stamp", opts.panel === null ? null : `${opts.panel}.stamp.json`, "output"],
    ["--csv", opts.csv, "output"],
    ["--plot", opts.plot, "output"],
    ["--plot-spend", opts.plotSpend, "output"],
  ];
  const seen = new Map<string, [string, "input" | "output"]>();
  for (const [name, path, role] of named) {
    if (path === null) continue;
    const key = canonical(path);
    const before = seen.get(key);
    if (before && (role === "output" || before[1] === "output")) {
      const [other, otherRole] = before;
      const what =
        otherRole === "input" ? `would overwrite ${other}` : `and ${other} name the same file`;
      throw new CliError(
        `${name} ${what} (${path}): expected a separate file for each output`,
        EXIT.usage,
      );
    }
    if (!before) seen.set(key, [name, role]);
  }
}

/** An error from the operating system (ENOENT, EISDIR, EACCES, ENOSPC...), not from our code. */
function isSystemError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === "string";
}

function openPanel(path: string, ids: string[], scenario: string): PanelWriter {
  try {
    return new PanelWriter(path, { names: ids, scenarios: [ids.indexOf(scenario)] });
  } catch (err) {
    if (isSystemError(err)) {
      throw new CliError(`${path}: cannot write the panel (${err.message})`, EXIT.usage);
    }
    throw err;
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
  const panel = opts.panel ? openPanel(opts.panel, ids, opts.panelScenario) : null;
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
            if (!firstRep) return;
            try {
              panel.observe(s, year, pop, start, end);
            } catch (err) {
              if (!isSystemError(err)) throw err;
              throw new CliError(
                `${panel.path}: cannot write the panel (${err.message})`,
                EXIT.usage,
              );
            }
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
      await writeSvg(path, spend ? segmentSpend(report) : reformEffects(report));
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
