import {
  barrierLevel,
  classifyColumns,
  classifyPosition,
  classifyState,
  DEFAULT_PARAMS,
  type DiagnoseParams,
  type DiagnosisColumns,
  UNDETERMINED,
} from "../diagnose/index.ts";
import { allocateProfileColumns, type Profile, type ProfileColumns } from "../firm/index.ts";
import { POSITIONS, STATES } from "../framework/index.ts";
import type { SimPopulation } from "./hook.ts";
import { profileRows, profileView, scratchProfile } from "./simulated-profile.ts";

/** Position and state of one profile, by the same rules an adviser's diagnosis uses. */
export interface Classifiers {
  position(profile: Profile): string;
  state(profile: Profile): string;
  /** Grade of one barrier family score (null = unknown): low, medium, high or unknown. */
  barrierLevel(score: number | null): string;
  /**
   * The diagnose module's thresholds when `position` and `state` are its classifiers: the
   * population is then classified a year at a time by its columnar kernels, which give the
   * same answers without building a profile per firm.
   */
  params?: DiagnoseParams;
}

/** The diagnose module's classifiers under its default (or the given) thresholds. */
export function diagnoseClassifiers(params: DiagnoseParams = DEFAULT_PARAMS): Classifiers {
  return {
    position: (p) => classifyPosition(p, params).value,
    state: (p) => classifyState(p, params).value,
    barrierLevel: (score) => barrierLevel(score, params),
    params,
  };
}

const POSITION_CODE = new Map<string, number>(POSITIONS.map((p, k) => [p, k]));
const STATE_CODE = new Map<string, number>(STATES.map((s, k) => [s, k]));

/**
 * Position and state codes for the slots that need them, computed at most once per slot and
 * year however many instruments ask ("undetermined" is written as an out-of-range code, which
 * rules read as unknown).
 */
export class DiagnosisCache {
  private stamp = new Int32Array(0);
  private epoch = 0;
  private readonly profile = scratchProfile();
  /** Classifications performed since creation (for benchmarks). */
  classified = 0;

  constructor(private readonly classify: Classifiers) {}

  /** Forgets every cached value (a new year, population or run). */
  invalidate(capacity: number): void {
    if (this.stamp.length < capacity) this.stamp = new Int32Array(capacity);
    this.epoch++;
  }

  private slots = new Int32Array(0);
  private cols: ProfileColumns | null = null;
  private classified_: DiagnosisColumns | undefined;

  /** Writes codes into `position` / `state` for each slot in [start, end) with `rows[i]` set. */
  fill(
    pop: SimPopulation,
    year: number,
    start: number,
    end: number,
    rows: Uint8Array,
    position: Uint8Array,
    state: Uint8Array,
  ): void {
    const params = this.classify.params;
    if (params !== undefined) {
      this.fillColumnar(pop, year, start, end, rows, position, state, params);
      return;
    }
    const { stamp, epoch, profile } = this;
    for (let i = start; i < end; i++) {
      if (rows[i] === 0 || stamp[i] === epoch) continue;
      profileView(pop, i, year, profile);
      position[i] = POSITION_CODE.get(this.classify.position(profile)) ?? POSITIONS.length;
      state[i] = STATE_CODE.get(this.classify.state(profile)) ?? STATES.length;
      stamp[i] = epoch;
      this.classified++;
    }
  }

  private fillColumnar(
    pop: SimPopulation,
    year: number,
    start: number,
    end: number,
    rows: Uint8Array,
    position: Uint8Array,
    state: Uint8Array,
    params: DiagnoseParams,
  ): void {
    const { stamp, epoch } = this;
    const width = end - start;
    if (this.slots.length < width || this.cols === null) {
      this.slots = new Int32Array(width);
      this.cols = allocateProfileColumns(width);
    }
    const { slots, cols } = this;
    let n = 0;
    for (let i = start; i < end; i++) {
      if (rows[i] === 0 || stamp[i] === epoch) continue;
      slots[n++] = i;
    }
    if (n === 0) return;
    profileRows(pop, year, slots, n, cols);
    cols.length = n;
    const d = classifyColumns(cols, params, this.classified_);
    this.classified_ = d;
    const nPos = POSITIONS.length;
    const nState = STATES.length;
    const codes = d.position;
    const states = d.state;
    for (let k = 0; k < n; k++) {
      const i = slots[k];
      const p = codes[k];
      const s = states[k];
      position[i] = p === UNDETERMINED ? nPos : p;
      state[i] = s === UNDETERMINED ? nState : s;
      stamp[i] = epoch;
    }
    this.classified += n;
  }
}
