import type { Profile } from "../firm/index.ts";
import { BARRIER_FAMILIES, type BarrierFamily } from "../framework/index.ts";

/** Cronbach's alpha of one barrier family's items over a batch. */
export interface FamilyReliability {
  family: BarrierFamily;
  /** Items per firm (fixed by the first firm that answered the family). */
  items: number;
  /** Firms with every item answered (alpha uses complete cases only). */
  n: number;
  /** Firms with some but not all items answered, or a different item count. */
  excluded: number;
  alpha: number | null;
  /** Why alpha is null, when it is. */
  note: string | null;
}

export interface Reliability {
  families: FamilyReliability[];
}

// Items are 1..5; centring on 3 keeps the running sums of squares small.
const CENTRE = 3;

class FamilySums {
  k = -1;
  n = 0;
  excluded = 0;
  sum_K = new Float64Array(0);
  sumsq_K = new Float64Array(0);
  sumTotal = 0;
  sumsqTotal = 0;

  add(items: ReadonlyArray<number | null>): void {
    let answered = 0;
    for (let i = 0; i < items.length; i++) if (items[i] !== null) answered++;
    if (answered === 0) return;
    if (this.k < 0) {
      this.k = items.length;
      this.sum_K = new Float64Array(this.k);
      this.sumsq_K = new Float64Array(this.k);
    }
    if (items.length !== this.k || answered !== this.k) {
      this.excluded++;
      return;
    }
    let total = 0;
    for (let i = 0; i < this.k; i++) {
      const v = (items[i] as number) - CENTRE;
      this.sum_K[i] += v;
      this.sumsq_K[i] += v * v;
      total += v;
    }
    this.sumTotal += total;
    this.sumsqTotal += total * total;
    this.n++;
  }

  /** `add` for rows [start, end) of item columns (NaN = unanswered), without a list per row. */
  addColumns(columns: readonly Float64Array[], start: number, end: number): void {
    const m = columns.length;
    if (m === 0) return;
    for (let r = start; r < end; r++) {
      let answered = 0;
      for (let i = 0; i < m; i++) if (!Number.isNaN(columns[i][r])) answered++;
      if (answered === 0) continue;
      if (this.k < 0) {
        this.k = m;
        this.sum_K = new Float64Array(m);
        this.sumsq_K = new Float64Array(m);
      }
      if (m !== this.k || answered !== m) {
        this.excluded++;
        continue;
      }
      let total = 0;
      for (let i = 0; i < m; i++) {
        const v = columns[i][r] - CENTRE;
        this.sum_K[i] += v;
        this.sumsq_K[i] += v * v;
        total += v;
      }
      this.sumTotal += total;
      this.sumsqTotal += total * total;
      this.n++;
    }
  }

  value(family: BarrierFamily): FamilyReliability {
    const base = { family, items: Math.max(this.k, 0), n: this.n, excluded: this.excluded };
    if (this.k < 2) return { ...base, alpha: null, note: "fewer than two items" };
    if (this.n < 2) return { ...base, alpha: null, note: "fewer than two complete answers" };
    const n = this.n;
    const variance = (s: number, ss: number) => (ss - (s * s) / n) / (n - 1);
    let itemVariances = 0;
    for (let i = 0; i < this.k; i++) itemVariances += variance(this.sum_K[i], this.sumsq_K[i]);
    const totalVariance = variance(this.sumTotal, this.sumsqTotal);
    if (!(totalVariance > 0)) return { ...base, alpha: null, note: "total score does not vary" };
    const alpha = (this.k / (this.k - 1)) * (1 - itemVariances / totalVariance);
    return { ...base, alpha, note: null };
  }
}

/**
 * Cronbach's (1951) alpha per barrier family, from running sums only, so a stream of any
 * length needs constant memory. Firms with a family partly answered are counted as excluded
 * (listwise deletion), never silently dropped.
 */
export class ReliabilityAccumulator {
  private readonly sums = BARRIER_FAMILIES.map(() => new FamilySums());

  add(profile: Profile): void {
    for (let f = 0; f < BARRIER_FAMILIES.length; f++) {
      this.sums[f].add(profile.barrier_items[BARRIER_FAMILIES[f]]);
    }
  }

  /** Rows [start, end) of item columns per family, as `add` of each row's profile would. */
  addColumns(
    items: Readonly<Record<BarrierFamily, readonly Float64Array[]>>,
    start: number,
    end: number,
  ): void {
    for (let f = 0; f < BARRIER_FAMILIES.length; f++) {
      this.sums[f].addColumns(items[BARRIER_FAMILIES[f]], start, end);
    }
  }

  value(): Reliability {
    return { families: BARRIER_FAMILIES.map((family, f) => this.sums[f].value(family)) };
  }
}
