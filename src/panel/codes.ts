/**
 * Dense integer coding of grouping columns (firm, year, cluster): any categorical or numeric
 * column becomes Int32 codes 0..levels-1, -1 for missing. Sorted columns are coded from their
 * runs, integer-valued columns with a compact range (years) by their offset from the minimum,
 * the rest through a hash map.
 */
import type { Column } from "../io/index.ts";
import { rememberMissing } from "../stats/index.ts";
import { allocInt32, isShared } from "./parallel/shared.ts";

export interface Codes {
  readonly name: string;
  /** Code per row, -1 = missing. */
  readonly codes: Int32Array;
  readonly nLevels: number;
}

// What has been learnt about a code array (codes are not modified once built): whether the
// codes never decrease, i.e. each level is one run of rows (panels stored unit by unit).
const runsKnown = new WeakMap<Int32Array, boolean>();

/** True when codes never decrease and none is missing: every level's rows are one run. */
export function inRuns(c: Codes): boolean {
  let known = runsKnown.get(c.codes);
  if (known === undefined) {
    known = nonDecreasing(c.codes);
    runsKnown.set(c.codes, known);
  }
  return known;
}

function nonDecreasing(codes: Int32Array): boolean {
  if (codes.length > 0 && codes[0] < 0) return false;
  for (let i = 1; i < codes.length; i++) if (codes[i] < codes[i - 1]) return false;
  return true;
}

/** min, max and the count of non-integer values of the non-NaN entries, into out[0..2]. */
function rangeScan(v: Float64Array, out: Float64Array): void {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let nonInteger = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x < min) min = x;
    if (x > max) max = x;
    // NaN fails both comparisons above; it is missing, not a non-integer. Values outside the
    // int32 range count as non-integers too: the range path cannot index them anyway.
    if ((x | 0) !== x && !Number.isNaN(x)) nonInteger++;
  }
  out[0] = min;
  out[1] = max;
  out[2] = nonInteger;
}

/**
 * Codes of integer values in a compact range [min, min + span): the offset from min, made dense
 * (ascending value) only when some values in the range do not occur. Returns the level count.
 * readable: codes[i] = rank of v[i] among the distinct values.
 */
function codeByRange(v: Float64Array, min: number, span: number, codes: Int32Array): number {
  const seen = new Uint8Array(span);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    // NaN | 0 would be 0: test it apart.
    if (Number.isNaN(x)) {
      codes[i] = -1;
      continue;
    }
    const slot = (x - min) | 0;
    codes[i] = slot;
    seen[slot] = 1;
  }
  const dense = new Int32Array(span);
  let next = 0;
  for (let t = 0; t < span; t++) dense[t] = seen[t] ? next++ : -1;
  if (next === span) return next;
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) codes[i] = dense[codes[i]];
  return next;
}

/**
 * Codes of a column whose values never decrease (a panel sorted by unit): each new value is the
 * next code, as first-appearance coding would give. Returns the level count, or -1 as soon as a
 * value decreases or is missing (the caller then codes the general way).
 */
function codeSortedRuns(v: Float64Array, codes: Int32Array): number {
  const n = v.length;
  if (n === 0 || Number.isNaN(v[0])) return -1;
  let prev = v[0];
  let next = 0;
  codes[0] = 0;
  for (let i = 1; i < n; i++) {
    const x = v[i];
    if (x === prev) {
      codes[i] = next;
      continue;
    }
    // NaN fails this test as well.
    if (!(x > prev)) return -1;
    prev = x;
    codes[i] = ++next;
  }
  return next + 1;
}

// Codes per column object: a frame's columns are not modified once loaded, so a column coded
// for one fit (unit, fixed effect, cluster) is not coded again for the next.
const coded = new WeakMap<Column, Map<string, Codes>>();

/** codeColumn, remembered per column (and name) for as long as the column lives. */
export function codeColumnCached(name: string, col: Column): Codes {
  let byName = coded.get(col);
  if (!byName) {
    byName = new Map();
    coded.set(col, byName);
  }
  let c = byName.get(name);
  if (!c) {
    c = codeColumn(name, col);
    byName.set(name, c);
  }
  return c;
}

const distinctKnown = new WeakMap<Column, number>();

/**
 * Number of distinct non-missing values of a column (the levels codeColumn would find), without
 * building codes when the values are integers in a compact range (years).
 */
export function distinctCount(col: Column): number {
  const byName = coded.get(col);
  if (byName && byName.size > 0) return byName.values().next().value!.nLevels;
  let d = distinctKnown.get(col);
  if (d !== undefined) return d;
  if (col.kind === "numeric") {
    const v = col.values;
    const range = new Float64Array(3);
    rangeScan(v, range);
    const span = range[1] - range[0] + 1;
    if (!(span > 0)) d = 0;
    else if (
      range[2] === 0 &&
      range[0] >= -(2 ** 31) &&
      range[1] < 2 ** 31 &&
      span <= 4 * v.length + 1024
    ) {
      const seen = new Uint8Array(span);
      const min = range[0];
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (!Number.isNaN(x)) seen[(x - min) | 0] = 1;
      }
      d = 0;
      for (let t = 0; t < span; t++) d += seen[t];
    }
  }
  d ??= codeColumnCached("", col).nLevels;
  distinctKnown.set(col, d);
  return d;
}

/** Codes a column; level order follows first appearance (numeric ranges: ascending value). */
export function codeColumn(name: string, col: Column): Codes {
  if (col.kind === "categorical") return recode(name, col.codes);
  const v = col.values;
  const n = v.length;
  // Codes of a shared column are shared too, so that worker threads can read them.
  const sorted = allocInt32(n, isShared(v));
  const levels = codeSortedRuns(v, sorted);
  if (levels >= 0) {
    runsKnown.set(sorted, true);
    rememberMissing(sorted, 0);
    return { name, codes: sorted, nLevels: levels };
  }
  const range = new Float64Array(3);
  rangeScan(v, range);
  const min = range[0];
  const max = range[1];
  const codes = sorted;
  if (!(max >= min)) return { name, codes: codes.fill(-1), nLevels: 0 };
  const int32 = min >= -(2 ** 31) && max < 2 ** 31;
  if (range[2] === 0 && int32 && max - min <= 4 * n + 1024)
    return { name, codes, nLevels: codeByRange(v, min, max - min + 1, codes) };
  const map = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (Number.isNaN(x)) {
      codes[i] = -1;
      continue;
    }
    let c = map.get(x);
    if (c === undefined) {
      c = map.size;
      map.set(x, c);
    }
    codes[i] = c;
  }
  return { name, codes, nLevels: map.size };
}

/** Re-densifies codes (drops unused levels), optionally keeping only rows `rows`. */
export function recode(name: string, src: Int32Array, rows?: Int32Array): Codes {
  const n = rows ? rows.length : src.length;
  let maxCode = -1;
  for (let i = 0; i < src.length; i++) if (src[i] > maxCode) maxCode = src[i];
  const map = new Int32Array(maxCode + 1).fill(-1);
  const codes = allocInt32(n, isShared(src));
  let next = 0;
  let runs = true;
  for (let i = 0; i < n; i++) {
    const c = src[rows ? rows[i] : i];
    if (c < 0) {
      codes[i] = -1;
      runs = false;
      continue;
    }
    let d = map[c];
    if (d < 0) {
      d = next++;
      map[c] = d;
    } else if (d !== next - 1) runs = false;
    codes[i] = d;
  }
  runsKnown.set(codes, runs);
  return { name, codes, nLevels: next };
}

/** Number of rows per level. */
export function levelCounts(c: Codes): Int32Array {
  const counts = new Int32Array(c.nLevels);
  for (let i = 0; i < c.codes.length; i++) counts[c.codes[i]]++;
  return counts;
}

/** True when every level of `inner` sits inside a single level of `outer` (FE nested in cluster). */
export function isNested(inner: Codes, outer: Codes): boolean {
  // The same coding (e.g. firm effects clustered by firm) is nested in itself.
  if (inner.codes === outer.codes) return true;
  const owner = new Int32Array(inner.nLevels).fill(-1);
  for (let i = 0; i < inner.codes.length; i++) {
    const a = inner.codes[i];
    const b = outer.codes[i];
    if (owner[a] === -1) owner[a] = b;
    else if (owner[a] !== b) return false;
  }
  return true;
}

/**
 * Components when each level of `a` is one contiguous run of rows: every a-level joins the
 * component of its first b-level, so only b's levels need a union-find (linking the b-levels
 * seen within one run). Every level of both codings occurs in some row.
 */
function componentsByRuns(a: Int32Array, b: Int32Array, bLevels: number): number {
  const parent = new Int32Array(bLevels);
  for (let i = 0; i < bLevels; i++) parent[i] = i;
  let comps = bLevels;
  const n = a.length;
  for (let s = 0; s < n; ) {
    const g = a[s];
    let root = b[s];
    while (parent[root] !== root) root = parent[root];
    let r = s + 1;
    for (; r < n && a[r] === g; r++) {
      let x = b[r];
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      if (x !== root) {
        parent[x] = root;
        comps--;
      }
    }
    s = r;
  }
  return comps;
}

/** True when codes run 0, 0, 1, 1, 1, 2, ...: each level one run of rows, none skipped. */
function levelsInRuns(c: Codes): boolean {
  const codes = c.codes;
  if (codes.length === 0 || codes[0] !== 0 || codes[codes.length - 1] !== c.nLevels - 1)
    return false;
  for (let i = 1; i < codes.length; i++) {
    const d = codes[i] - codes[i - 1];
    if (d !== 0 && d !== 1) return false;
  }
  return true;
}

/** Connected components of the bipartite graph linking two codings (rows are edges). */
export function connectedComponents(a: Codes, b: Codes): number {
  if (a.nLevels >= b.nLevels && levelsInRuns(a))
    return componentsByRuns(a.codes, b.codes, b.nLevels);
  const parent = new Int32Array(a.nLevels + b.nLevels);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  let comps = parent.length;
  for (let i = 0; i < a.codes.length; i++) {
    const ra = find(a.codes[i]);
    const rb = find(a.nLevels + b.codes[i]);
    if (ra !== rb) {
      parent[ra] = rb;
      comps--;
    }
  }
  return comps;
}
