import {
  barrierLevel,
  classifyPosition,
  classifyState,
  DEFAULT_PARAMS,
  type DiagnoseParams,
} from "../diagnose/index.ts";
import { emptyProfile, type Profile } from "../firm/index.ts";
import {
  ENTREPRENEUR_TYPES,
  HOME_ECONOMIES,
  LOCATIONS,
  POSITIONS,
  SECTORS,
  STATES,
  TECH_INTENSITIES,
  type Tri,
} from "../framework/index.ts";
import type { SimPopulation } from "./hook.ts";

/** Position and state of one profile, by the same rules an adviser's diagnosis uses. */
export interface Classifiers {
  position(profile: Profile): string;
  state(profile: Profile): string;
  /** Grade of one barrier family score (null = unknown): low, medium, high or unknown. */
  barrierLevel(score: number | null): string;
}

/** The diagnose module's classifiers under its default (or the given) thresholds. */
export function diagnoseClassifiers(params: DiagnoseParams = DEFAULT_PARAMS): Classifiers {
  return {
    position: (p) => classifyPosition(p, params).value,
    state: (p) => classifyState(p, params).value,
    barrierLevel: (score) => barrierLevel(score, params),
  };
}

const NO_ITEMS: Profile["barrier_items"] = Object.freeze({
  attitudinal: [],
  resource: [],
  operational: [],
  strategic: [],
});

/** A reusable profile to fill with `profileView`. */
export function scratchProfile(): Profile {
  return { ...emptyProfile(""), barrier_items: NO_ITEMS };
}

const yn = (v: number): Tri => (v === 1 ? "yes" : "no");
const year = (v: number): number | null => (v >= 0 ? v : null);
const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Fills `scratch` with slot `i` of the population as the profile an adviser would record in
 * `assessed` (no allocation). Simulated firms know every yes/no attribute; entry modes and
 * resource fungibility are not simulated and stay unknown. A firm that never exported has an
 * export share and market count of 0.
 */
export function profileView(
  pop: SimPopulation,
  i: number,
  assessed: number,
  scratch: Profile,
): Profile {
  const p = scratch;
  p.founded = pop.founded[i];
  p.assessed = assessed;
  p.sector = SECTORS[pop.sector[i]] ?? null;
  p.employees = finite(pop.employees[i]);
  p.tradable = yn(pop.tradable[i]);
  p.tech_intensity = TECH_INTENSITIES[pop.techIntensity[i]] ?? null;
  p.exports_now = yn(pop.exporting[i]);
  const ever = pop.everExported[i] === 1;
  p.export_share = ever ? finite(pop.exportShare[i]) : 0;
  p.export_markets = ever ? pop.markets[i] : 0;
  p.first_export_year = year(pop.firstExportYear[i]);
  p.last_export_year = year(pop.lastExportYear[i]);
  p.export_gap = yn(pop.reentered[i]);
  p.plans_to_export = yn(pop.plansToExport[i]);
  p.between_projects = yn(pop.suspended[i]);
  p.prefers_control = yn(pop.prefersControl[i]);
  p.large_firm_links = yn(pop.largeFirmLinks[i]);
  p.client_pull = yn(pop.clientPull[i]);
  p.partner_dependence = yn(pop.partnerDependence[i]);
  p.cluster = yn(pop.cluster[i]);
  p.incubator = yn(pop.incubator[i]);
  p.location = LOCATIONS[pop.location[i]] ?? null;
  p.home_economy = HOME_ECONOMIES[pop.homeEconomy[i]] ?? null;
  p.entrepreneur_type = ENTREPRENEUR_TYPES[pop.entrepreneurType[i]] ?? null;
  p.founder_export_experience = yn(pop.founderExportExperience[i]);
  p.founder_same_industry = yn(pop.founderSameIndustry[i]);
  p.barrier_attitudinal = finite(pop.barrierAttitudinal[i]);
  p.barrier_resource = finite(pop.barrierResource[i]);
  p.barrier_operational = finite(pop.barrierOperational[i]);
  p.barrier_strategic = finite(pop.barrierStrategic[i]);
  p.sunk_cost_concern = finite(pop.sunkCostConcern[i]);
  p.weight = pop.weight[i];
  return p;
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
}
