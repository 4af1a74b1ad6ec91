import type { Issue, Result } from "../framework/issue.ts";
import type { Frame } from "./frame.ts";
import { duplicates, type PanelSummary, summarize } from "./panel-summary.ts";

/** A checked panel index: dense firm codes and integer periods per row, plus the summary. */
export interface PanelIndex {
  /** Dense firm code per row, 0..firms-1 in order of first appearance. */
  firm: Int32Array;
  /** Time value per row minus `summary.firstPeriod`. */
  period: Int32Array;
  summary: PanelSummary;
}

export interface PanelIndexSpec {
  id: string;
  time: string;
  /** File name used in messages. Default: "input". */
  file?: string;
  /** Issues listed per kind of problem before the rest are only counted. Default: 10. */
  maxIssues?: number;
}

/**
 * Checks the (id, time) index of a frame: both columns present, no missing values, integer
 * time, and no firm observed twice in the same period (each duplicate names both rows).
 */
export function checkPanelIndex(frame: Frame, spec: PanelIndexSpec): Result<PanelIndex> {
  const file = spec.file ?? "input";
  const max = spec.maxIssues ?? 10;
  const issues: Issue[] = [];
  const idCol = frame.columns.get(spec.id);
  const timeCol = frame.columns.get(spec.time);
  for (const [name, col, role] of [
    [spec.id, idCol, "--id"],
    [spec.time, timeCol, "--time"],
  ] as const) {
    if (!col) {
      issues.push({
        code: "missing_column",
        file,
        field: name,
        value: name,
        expected: `a column named in ${role} (the file has ${frame.names.join(", ")})`,
        message: `no column ${JSON.stringify(name)} for ${role}; the file has ${frame.names.join(", ")}`,
      });
    }
  }
  if (!idCol || !timeCol) return { ok: false, issues };
  if (timeCol.kind !== "numeric") {
    issues.push({
      code: "time_not_numeric",
      file,
      field: spec.time,
      expected: "integer periods such as years",
      message: `time column ${spec.time} holds text (levels like ${JSON.stringify(timeCol.levels.slice(0, 3))}), expected integer periods such as years`,
    });
    return { ok: false, issues };
  }
  const n = frame.nrows;
  const t = timeCol.values;
  let tmin = Number.POSITIVE_INFINITY;
  let tmax = Number.NEGATIVE_INFINITY;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const v = t[i];
    if (Number.isInteger(v)) {
      if (v < tmin) tmin = v;
      if (v > tmax) tmax = v;
    } else if (bad++ < max) {
      issues.push({
        code: Number.isNaN(v) ? "missing_time" : "time_not_integer",
        file,
        row: i + 1,
        field: spec.time,
        value: v,
        expected: "an integer period",
        message: Number.isNaN(v)
          ? "missing time, expected an integer period"
          : `got ${v}, expected an integer period`,
      });
    }
  }
  const firm = firmCodes(frame, spec.id, file, max, issues);
  if (bad > max)
    issues.push({
      code: "time_not_integer",
      file,
      field: spec.time,
      message: `${bad - max} more rows with a missing or non-integer time`,
    });
  if (issues.length > 0 || !firm) return { ok: false, issues };
  if (n === 0) tmin = tmax = 0;
  const period = new Int32Array(n);
  for (let i = 0; i < n; i++) period[i] = t[i] - tmin;
  const dup = duplicates(firm.codes, firm.count, period, tmax - tmin + 1);
  if (dup.length > 0) {
    for (const [a, b] of dup.slice(0, max)) {
      issues.push({
        code: "duplicate_period",
        file,
        row: b + 1,
        field: spec.time,
        value: t[b],
        expected: "one row per firm and period",
        message: `${spec.id} ${firm.label(a)} has ${spec.time} ${t[b]} at rows ${a + 1} and ${b + 1}; expected one row per firm and period`,
      });
    }
    if (dup.length > max)
      issues.push({
        code: "duplicate_period",
        file,
        message: `${dup.length - max} more duplicate (${spec.id}, ${spec.time}) pairs`,
      });
    return { ok: false, issues };
  }
  return {
    ok: true,
    value: {
      firm: firm.codes,
      period,
      summary: summarize(spec, firm.codes, firm.count, period, tmin, tmax),
    },
  };
}

interface FirmCodes {
  codes: Int32Array;
  count: number;
  /** How row i's firm id is written in messages. */
  label: (row: number) => string;
}

function firmCodes(
  frame: Frame,
  id: string,
  file: string,
  max: number,
  issues: Issue[],
): FirmCodes | undefined {
  const col = frame.columns.get(id)!;
  const n = frame.nrows;
  const codes = new Int32Array(n);
  let missing = 0;
  const flag = (i: number) => {
    if (missing++ < max)
      issues.push({
        code: "missing_id",
        file,
        row: i + 1,
        field: id,
        expected: "a firm identifier",
        message: "missing firm identifier",
      });
  };
  if (col.kind === "categorical") {
    const remap = new Int32Array(col.levels.length).fill(-1);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const c = col.codes[i];
      if (c < 0) {
        flag(i);
        continue;
      }
      if (remap[c] < 0) remap[c] = count++;
      codes[i] = remap[c];
    }
    if (missing > max)
      issues.push({
        code: "missing_id",
        file,
        field: id,
        message: `${missing - max} more rows without a firm identifier`,
      });
    return missing > 0
      ? undefined
      : { codes, count, label: (i) => JSON.stringify(col.levels[col.codes[i]]) };
  }
  const v = col.values;
  const seen = new Map<number, number>();
  let last = Number.NaN;
  let lastCode = -1;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (Number.isNaN(x)) {
      flag(i);
      continue;
    }
    if (x === last) {
      codes[i] = lastCode;
      continue;
    }
    let c = seen.get(x);
    if (c === undefined) {
      c = seen.size;
      seen.set(x, c);
    }
    codes[i] = c;
    last = x;
    lastCode = c;
  }
  if (missing > max)
    issues.push({
      code: "missing_id",
      file,
      field: id,
      message: `${missing - max} more rows without a firm identifier`,
    });
  return missing > 0 ? undefined : { codes, count: seen.size, label: (i) => String(v[i]) };
}
