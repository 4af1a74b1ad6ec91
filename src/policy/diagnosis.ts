import {
  barrierLevel,
  classifyPosition,
  classifyState,
  DEFAULT_PARAMS,
  type DiagnoseParams,
} from "../diagnose/index.ts";
import type { Profile } from "../firm/index.ts";
import { POSITIONS, STATES } from "../framework/index.ts";
import type { SimPopulation } from "./hook.ts";
import { classifySimulated } from "./simulated-classify.ts";
import { profileView, scratchProfile } from "./simulated-profile.ts";
import { SlotWindow } from "./slot-window.ts";

/** Position and state of one profile, by the same rules an adviser's diagnosis uses. */
export interface Classifiers {
  position(profile: Profile): string;
  state(profile: Profile): string;
  /** Grade of one barrier family score (null = unknown): low, medium, high or unknown. */
  barrierLevel(score: number | null): string;
  /**
   * The diagnose module's thresholds when `position` and `state` are its classifiers: simulated
   * firms are then classified from the population's columns (simulated-classify.ts), with the
   * same answers and no profile built per firm.
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
  private readonly stamps = new SlotWindow(Int32Array);
  private epoch = 0;
  private readonly profile = scratchProfile();
  private scratch = new Int32Array(0);
  /** Classifications performed since creation (for benchmarks). */
  classified = 0;

  constructor(private readonly classify: Classifiers) {}

  /** Forgets every cached value (a new year, population or run) of slots [start, end). */
  invalidate(capacity: number, start = 0, end = capacity): void {
    // Stamps of earlier epochs never match again, so a reused window needs no clearing.
    this.stamp = this.stamps.view(capacity, start, end);
    this.epoch++;
  }

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
    if (this.scratch.length < end - start) this.scratch = new Int32Array(end - start);
    const list = this.scratch;
    let n = 0;
    for (let i = start; i < end; i++) {
      list[n] = i;
      n += rows[i] !== 0 ? 1 : 0;
    }
    this.fillList(pop, year, list, n, position, state);
  }

  /** The same for the slots `list[0..count)`. */
  fillList(
    pop: SimPopulation,
    year: number,
    list: Int32Array,
    count: number,
    position: Uint8Array,
    state: Uint8Array,
  ): void {
    const { stamp, epoch, profile } = this;
    const params = this.classify.params;
    if (params !== undefined) {
      this.classified += classifySimulated(
        pop,
        list,
        count,
        stamp,
        epoch,
        year,
        params,
        position,
        state,
      );
      return;
    }
    let classified = 0;
    for (let k = 0; k < count; k++) {
      const i = list[k];
      if (stamp[i] === epoch) continue;
      profileView(pop, i, year, profile);
      position[i] = POSITION_CODE.get(this.classify.position(profile)) ?? POSITIONS.length;
      state[i] = STATE_CODE.get(this.classify.state(profile)) ?? STATES.length;
      stamp[i] = epoch;
      classified++;
    }
    this.classified += classified;
  }
}
