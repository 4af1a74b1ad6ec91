// Runs `panel estimate`: reads only the needed columns, fits each model, renders text/JSON/CSV.
import { formatIssue, type Issue, OutwardError } from "../../../framework/index.ts";
import {
  type Column,
  categorical,
  type Frame,
  frameFromColumns,
  numeric,
  readFrame,
} from "../../../io/index.ts";
import {
  defaultThreads,
  type EstimateSummary,
  estimate,
  formulaColumns,
  type HausmanResult,
  hausmanAux,
  hausmanClassic,
  parseFormula,
  preparePanel,
  SLICE_ROWS,
  startHelpers,
} from "../../../panel/index.ts";
import { CliError, EXIT } from "../../exit.ts";
import type { EstimateRawOptions } from "./estimate.ts";
import { type ModelRequest, parseEstimateOptions } from "./estimate-options.ts";
import { renderHausman, renderLedger, renderTable } from "./estimate-table.ts";

const FAILURE_CODES = new Set(["not_converged", "not_identified", "singular"]);

function fail(file: string, issues: Issue[]): never {
  const code = issues.some((i) => FAILURE_CODES.has(i.code)) ? EXIT.failure : EXIT.usage;
  throw new CliError(
    issues
      .slice(0, 20)
      .map((i) => formatIssue({ ...i, file: i.file ?? file }))
      .join("\n"),
    code,
  );
}

function neededColumns(file: string, requests: readonly ModelRequest[]): string[] {
  const cols = new Set<string>();
  for (const r of requests) {
    const spec = parseFormula(r.formula);
    if (!spec.ok) fail(file, spec.issues);
    for (const c of formulaColumns(spec.value)) cols.add(c);
    for (const c of [
      r.options.id,
      r.options.time,
      r.options.weights,
      ...(r.options.cluster ?? []),
    ]) {
      if (c) cols.add(c);
    }
  }
  return [...cols];
}

async function load(file: string, columns: string[], shared: boolean): Promise<Frame> {
  try {
    return (await readFrame(file, { columns, shared })).frame;
  } catch (err) {
    if (err instanceof OutwardError && err.issues.length > 0) fail(file, err.issues);
    throw new CliError(`${file}: ${(err as Error).message}`);
  }
}

/** The frame with every column in shared memory (columns already shared are kept). */
function sharedFrame(frame: Frame): Frame {
  const columns: Record<string, Column> = {};
  for (const name of frame.names) {
    const col = frame.columns.get(name) as Column;
    if (col.kind === "numeric") {
      const v = col.values;
      if (v.buffer instanceof SharedArrayBuffer) columns[name] = col;
      else {
        const copy = new Float64Array(new SharedArrayBuffer(v.byteLength));
        copy.set(v);
        columns[name] = numeric(copy);
      }
    } else if (col.codes.buffer instanceof SharedArrayBuffer) columns[name] = col;
    else {
      const copy = new Int32Array(new SharedArrayBuffer(col.codes.byteLength));
      copy.set(col.codes);
      columns[name] = categorical(copy, col.levels);
    }
  }
  return frameFromColumns(columns);
}

function hausman(frame: Frame, req: ModelRequest, file: string): HausmanResult[] {
  const base = { ...req.options, vcov: "iid" as const, cluster: undefined, weights: undefined };
  const fe = estimate(frame, req.formula, { ...base, model: "within", effect: "individual" });
  const re = estimate(frame, req.formula, { ...base, model: "random" });
  if (!fe.ok) fail(file, fe.issues);
  if (!re.ok) fail(file, re.issues);
  const out: HausmanResult[] = [];
  const c = hausmanClassic(fe.value.fit, re.value.fit);
  if (c.ok) out.push(c.value);
  const spec = parseFormula(req.formula);
  if (!spec.ok) fail(file, spec.issues);
  const prep = preparePanel(frame, spec.value, { id: base.id, time: base.time });
  if (!prep.ok) fail(file, prep.issues);
  for (const robust of [false, true]) {
    const a = hausmanAux(prep.value, robust);
    if (a.ok) out.push(a.value);
  }
  return out;
}

function csvRows(models: readonly EstimateSummary[]): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ["model_no,model,formula,term,estimate,se,t,p,ci_low,ci_high,nobs,vcov,ssc"];
  models.forEach((m, i) => {
    for (const [term, c] of Object.entries(m.coefficients)) {
      lines.push(
        [
          i + 1,
          m.model,
          q(m.formula),
          q(term),
          c.estimate,
          c.se,
          c.t,
          c.p,
          c.ciLow,
          c.ciHigh,
          m.nobs,
          m.ledger.vcov,
          m.ledger.ssc ?? "",
        ].join(","),
      );
    }
  });
  return `${lines.join("\n")}\n`;
}

export async function runEstimate(
  file: string,
  raw: EstimateRawOptions,
): Promise<{ text: string; exitCode: number }> {
  const requests = parseEstimateOptions(raw);
  const threads = requests[0]?.options.threads ?? defaultThreads();
  let frame = await load(file, neededColumns(file, requests), threads > 1);
  if (threads > 1 && frame.nrows > SLICE_ROWS) {
    // Worker threads read the columns in place, so they must sit in shared memory; .owc files
    // are read straight into it, other formats are copied once. Helpers join the first pass
    // when loaded; a panel of one slice or less stays on one thread and never starts them.
    frame = sharedFrame(frame);
    void startHelpers(threads - 1);
  }
  const models: EstimateSummary[] = [];
  for (const r of requests) {
    const res = estimate(frame, r.formula, r.options);
    if (!res.ok) fail(file, res.issues);
    models.push(res.value.summary);
  }
  const h = raw.hausman ? hausman(frame, requests[0], file) : undefined;
  if (raw.json) {
    const doc = { version: 1, file, models, ...(h ? { hausman: h } : {}) };
    return { text: `${JSON.stringify(doc, null, 2)}\n`, exitCode: 0 };
  }
  if (raw.csv) return { text: csvRows(models), exitCode: 0 };
  return {
    text: renderTable(models) + renderLedger(models) + (h ? renderHausman(h) : ""),
    exitCode: 0,
  };
}
