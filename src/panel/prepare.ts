/**
 * Frame + formula -> prepared panel: the rows an estimation uses, its response and regressor
 * columns (lags resolved through the time index), dense codes for unit, period and every absorbed
 * fixed effect, and a ledger of every row left out and why. Estimators read only this, so one
 * preparation serves several fits.
 */
import type { Issue, Result } from "../framework/index.ts";
import type { Frame } from "../io/index.ts";
import { nanCount, negativeCount } from "../stats/index.ts";
import {
  type Codes,
  codeColumn,
  codeColumnCached,
  distinctCount,
  levelCounts,
  recode,
} from "./codes.ts";
import { type FormulaSpec, formulaColumns } from "./formula.ts";
import { allocFloat64, isShared } from "./parallel/shared.ts";
import { buildTimeIndex, duplicateIndexIssues, shiftedRows, type TimeIndex } from "./timeindex.ts";

export type SingletonRule = "keep" | "drop";

export interface PrepareOptions {
  /** Column identifying the panel unit (firm). Required. */
  id: string;
  /** Numeric column holding the period (year). Required. */
  time: string;
  /** Fixed effects to absorb. Default: the formula's `|` part. */
  absorb?: readonly string[];
  /** Numeric column of observation weights; rows with missing or zero weight are left out. Default: none. */
  weights?: string;
  /** Cluster columns; rows missing a cluster are left out. Default: none. */
  cluster?: readonly string[];
  /**
   * What to do with rows alone in a fixed-effect level. Default "keep", as fixest (its default
   * fixef.rm = "perfect" only removes singletons on request) and plm do; "drop" removes them
   * iteratively, as reghdfe does, since they carry no information about the slopes.
   */
  singletons?: SingletonRule;
}

export interface PrepareLedger {
  readonly nInput: number;
  readonly nUsed: number;
  /** Rows left out because a variable used by the model was missing (a lag may be missing). */
  readonly droppedMissing: number;
  /** Per variable (term name), how many input rows had it missing. */
  readonly missingBy: Readonly<Record<string, number>>;
  readonly droppedZeroWeight: number;
  readonly singletonsDropped: number;
  readonly singletonRule: SingletonRule;
}

export interface PreparedPanel {
  readonly spec: FormulaSpec;
  readonly n: number;
  /** Frame row of each used row. */
  readonly rows: Int32Array;
  readonly y: Float64Array;
  readonly yName: string;
  /** Regressor columns without the intercept. */
  readonly X: readonly Float64Array[];
  readonly xNames: readonly string[];
  readonly intercept: boolean;
  readonly weights: Float64Array | undefined;
  readonly id: Codes;
  readonly time: Codes;
  /** Time value per used row. */
  readonly timeValue: Float64Array;
  readonly fe: readonly Codes[];
  readonly clusters: readonly Codes[];
  readonly ledger: PrepareLedger;
  /** Number of distinct periods on the used rows (time.nLevels, counted without coding when it can). */
  readonly periods?: number;
}

function numericColumn(frame: Frame, name: string, role: string, issues: Issue[]): Float64Array {
  const col = frame.columns.get(name);
  if (!col) {
    issues.push(missingColumn(frame, name, role));
    return new Float64Array(0);
  }
  if (col.kind !== "numeric") {
    issues.push({
      code: "not_numeric",
      field: name,
      message: `${role} column "${name}" is categorical; expected numbers`,
    });
    return new Float64Array(0);
  }
  return col.values;
}

function missingColumn(frame: Frame, name: string, role: string): Issue {
  const near = frame.names.filter((c) => c.toLowerCase() === name.toLowerCase());
  const hint = near.length ? ` (did you mean "${near[0]}"?)` : "";
  return {
    code: "missing_column",
    field: name,
    message: `${role} column "${name}" is not in the data${hint}; columns are: ${frame.names.join(", ")}`,
  };
}

function groupCodes(
  frame: Frame,
  name: string,
  role: string,
  issues: Issue[],
  cache: Map<string, Codes>,
): Codes | undefined {
  const col = frame.columns.get(name);
  if (!col) {
    issues.push(missingColumn(frame, name, role));
    return undefined;
  }
  // The unit column is usually also the first fixed effect and the cluster: code it once.
  let c = cache.get(name);
  if (!c) {
    c = codeColumnCached(name, col);
    cache.set(name, c);
  }
  return c;
}

/** Clears `keep` where v is NaN; returns how many rows were NaN. */
function clearNaN(v: Float64Array, keep: Uint8Array): number {
  if (nanCount(v) === 0) return 0;
  let c = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (Number.isNaN(x)) {
      keep[i] = 0;
      c++;
    }
  }
  return c;
}

function clearNegative(codes: Int32Array, keep: Uint8Array): number {
  if (negativeCount(codes) === 0) return 0;
  let c = 0;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] < 0) {
      keep[i] = 0;
      c++;
    }
  }
  return c;
}

/** 0/1 columns for the levels of a grouping column but the first (sorted), NaN where missing. */
function factorDummies(frame: Frame, name: string): { columns: Float64Array[]; names: string[] } {
  const col = frame.columns.get(name)!;
  const n = frame.nrows;
  let codes: Int32Array;
  let labels: string[];
  if (col.kind === "categorical") {
    codes = col.codes;
    labels = col.levels;
  } else {
    const values = [...new Set(col.values)].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    const idx = new Map(values.map((v, j) => [v, j]));
    codes = Int32Array.from(col.values, (v) => idx.get(v) ?? -1);
    labels = values.map(String);
  }
  const present = new Uint8Array(labels.length);
  for (let i = 0; i < n; i++) if (codes[i] >= 0) present[codes[i]] = 1;
  const order = labels
    .map((l, j) => ({ l, j }))
    .filter((e) => present[e.j])
    .sort((a, b) => (col.kind === "categorical" ? a.l.localeCompare(b.l) : a.j - b.j));
  const columns = order.slice(1).map(({ j }) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = codes[i] < 0 ? Number.NaN : codes[i] === j ? 1 : 0;
    return out;
  });
  if (columns.length === 0) columns.push(new Float64Array(n).fill(0));
  return {
    columns,
    names:
      order.length > 1
        ? order.slice(1).map(({ l }) => `${name}::${l}`)
        : [`${name}::${order[0]?.l ?? ""}`],
  };
}

/** Validates and prepares; returns issues naming each unknown or unusable column. */
export function preparePanel(
  frame: Frame,
  spec: FormulaSpec,
  opts: PrepareOptions,
): Result<PreparedPanel> {
  const issues: Issue[] = [];
  const N = frame.nrows;
  const absorb = opts.absorb ?? spec.fixedEffects;
  for (const c of formulaColumns(spec)) {
    if (!frame.columns.has(c)) issues.push(missingColumn(frame, c, "formula"));
  }
  if (issues.length > 0) return { ok: false, issues };
  const cache = new Map<string, Codes>();
  const idAll = groupCodes(frame, opts.id, "id", issues, cache);
  const timeAll = numericColumn(frame, opts.time, "time", issues);
  const w = opts.weights ? numericColumn(frame, opts.weights, "weights", issues) : undefined;
  const feAll = absorb.map((f) => groupCodes(frame, f, "fixed-effect", issues, cache));
  const clAll = (opts.cluster ?? []).map((c) => groupCodes(frame, c, "cluster", issues, cache));
  const yBase = numericColumn(frame, spec.response.column, "response", issues);
  const xBase = spec.terms.map((t) =>
    t.factor ? new Float64Array(0) : numericColumn(frame, t.column, "regressor", issues),
  );
  const factors = spec.terms.map((t) => (t.factor ? factorDummies(frame, t.column) : undefined));
  if (issues.length > 0 || !idAll) return { ok: false, issues };

  const needsTime = spec.response.shift !== 0 || spec.terms.some((t) => t.shift !== 0);
  let ti: TimeIndex | undefined;
  if (needsTime) {
    ti = buildTimeIndex(idAll, timeAll);
    const dup = duplicateIndexIssues(ti, timeAll, opts.id, opts.time);
    if (dup.length > 0) return { ok: false, issues: dup };
  }
  const shifted = (base: Float64Array, shift: number): Float64Array => {
    if (shift === 0 || !ti) return base;
    const src = shiftedRows(ti, timeAll, shift, N);
    const out = new Float64Array(N);
    for (let i = 0; i < N; i++) out[i] = src[i] < 0 ? Number.NaN : base[src[i]];
    return out;
  };
  const yFull = shifted(yBase, spec.response.shift);
  // Factor terms expand into several columns; missingness is tracked per term.
  const termCols = spec.terms.map((t, j) => {
    const fd = factors[j];
    return fd ? fd.columns : [shifted(xBase[j], t.shift)];
  });
  const xFull = termCols.flat();
  const xNamesAll = spec.terms.flatMap((t, j) => {
    const fd = factors[j];
    return fd ? fd.names : [t.name];
  });

  // Row selection: every variable the model reads must be present.
  const keep = new Uint8Array(N).fill(1);
  const missingBy: Record<string, number> = {};
  const markNaN = (name: string, v: Float64Array): void => {
    const c = clearNaN(v, keep);
    if (c > 0) missingBy[name] = (missingBy[name] ?? 0) + c;
  };
  const marked = new Set<string>();
  const markCode = (name: string, codes: Int32Array): void => {
    if (marked.has(name)) return;
    marked.add(name);
    const c = clearNegative(codes, keep);
    if (c > 0) missingBy[name] = (missingBy[name] ?? 0) + c;
  };
  markNaN(spec.response.name, yFull);
  spec.terms.forEach((t, j) => {
    markNaN(t.name, termCols[j][0] ?? new Float64Array(N));
  });
  markCode(opts.id, idAll.codes);
  markNaN(opts.time, timeAll);
  absorb.forEach((f, j) => {
    markCode(f, feAll[j]!.codes);
  });
  (opts.cluster ?? []).forEach((c, j) => {
    markCode(c, clAll[j]!.codes);
  });
  let droppedZeroWeight = 0;
  if (w) markNaN(opts.weights!, w);
  let droppedMissing = 0;
  if (Object.keys(missingBy).length > 0) for (let i = 0; i < N; i++) droppedMissing += 1 - keep[i];
  if (w) {
    for (let i = 0; i < N; i++) {
      if (w[i] < 0) {
        issues.push({
          code: "negative_weight",
          row: i + 1,
          field: opts.weights,
          value: w[i],
          message: `weight ${w[i]} is negative; expected a weight >= 0`,
        });
        if (issues.length >= 20) break;
      } else if (keep[i] && w[i] === 0) {
        keep[i] = 0;
        droppedZeroWeight++;
      }
    }
    if (issues.length > 0) return { ok: false, issues };
  }

  const singletonRule = opts.singletons ?? "keep";
  let singletonsDropped = 0;
  if (singletonRule === "drop" && absorb.length > 0) {
    // Dropping singletons of one effect can create singletons in another: repeat to a fixed point.
    for (;;) {
      let removed = 0;
      for (const fe of feAll) {
        const counts = new Int32Array(fe!.nLevels);
        for (let i = 0; i < N; i++) if (keep[i]) counts[fe!.codes[i]]++;
        for (let i = 0; i < N; i++)
          if (keep[i] && counts[fe!.codes[i]] === 1) {
            keep[i] = 0;
            removed++;
          }
      }
      singletonsDropped += removed;
      if (removed === 0) break;
    }
  }

  const n = N - droppedMissing - droppedZeroWeight - singletonsDropped;
  if (n === 0) {
    return {
      ok: false,
      issues: [
        {
          code: "no_rows",
          message: `no rows left for the model: ${droppedMissing} of ${N} rows miss a variable (${
            Object.entries(missingBy)
              .map(([k, v]) => `${k}: ${v}`)
              .join(", ") || "none"
          }), ${singletonsDropped} singletons removed`,
        },
      ],
    };
  }
  const all = n === N;
  // When every row is used, the row map is the identity: built only if someone asks for it.
  let rowsCache: Int32Array | undefined;
  const rowsOf = (): Int32Array => {
    if (!rowsCache) {
      rowsCache = new Int32Array(n);
      for (let i = 0, p = 0; i < N; i++) if (keep[i]) rowsCache[p++] = i;
    }
    return rowsCache;
  };
  const rows = all ? undefined : rowsOf();
  const take = (v: Float64Array): Float64Array => {
    if (all) return v;
    const out = allocFloat64(n, isShared(v));
    for (let p = 0; p < n; p++) out[p] = v[rows![p]];
    return out;
  };
  const sub = (c: Codes): Codes => (all ? c : recode(c.name, c.codes, rows));
  const timeValue = take(timeAll);
  // Period codes are built on first use: a one-way unit model never reads them.
  let timeCache: Codes | undefined;
  return {
    ok: true,
    value: {
      spec,
      n,
      get rows(): Int32Array {
        return rowsOf();
      },
      y: take(yFull),
      yName: spec.response.name,
      X: xFull.map(take),
      xNames: xNamesAll,
      intercept: spec.intercept,
      weights: w ? take(w) : undefined,
      id: sub(idAll),
      get time(): Codes {
        timeCache ??= timeCodes(frame, opts.time, timeValue, all);
        return timeCache;
      },
      get periods(): number {
        const col = frame.columns.get(opts.time);
        return all && col && !timeCache ? distinctCount(col) : this.time.nLevels;
      },
      timeValue,
      fe: feAll.map((f) => sub(f!)),
      clusters: clAll.map((c) => sub(c!)),
      ledger: {
        nInput: N,
        nUsed: n,
        droppedMissing,
        missingBy,
        droppedZeroWeight,
        singletonsDropped,
        singletonRule,
      },
    },
  };
}

function timeCodes(frame: Frame, name: string, timeValue: Float64Array, all: boolean): Codes {
  const col = frame.columns.get(name);
  if (all && col) return codeColumnCached(name, col);
  return codeColumn(name, { kind: "numeric", values: timeValue });
}

/** Codes of another frame column on the prepared rows (e.g. a cluster chosen after fitting). */
export function codesOnRows(frame: Frame, name: string, rows: Int32Array): Result<Codes> {
  const col = frame.columns.get(name);
  if (!col) return { ok: false, issues: [missingColumn(frame, name, "cluster")] };
  const c = recode(name, codeColumn(name, col).codes, rows);
  for (let i = 0; i < c.codes.length; i++) {
    if (c.codes[i] < 0) {
      return {
        ok: false,
        issues: [
          {
            code: "missing_value",
            row: rows[i] + 1,
            field: name,
            message: `cluster "${name}" is missing on a row used by the model; expected a value on every used row`,
          },
        ],
      };
    }
  }
  return { ok: true, value: c };
}

export { levelCounts };
