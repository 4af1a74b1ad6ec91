/**
 * The shapes this module needs from a simulated population and year, written structurally so
 * that src/policy does not import src/simulate (imports point down the layer list). The
 * simulation's `Population`, `EffectColumns`, `YearContext` and `YearHooks` satisfy them; a
 * test keeps the two in step.
 */

/** The population columns eligibility rules and diagnosis read (see src/simulate population.ts). */
export interface SimPopulation {
  n: number;
  capacity: number;
  generation: Int32Array;
  alive: Uint8Array;
  sector: Uint8Array;
  employees: Float32Array;
  founded: Int32Array;
  tradable: Uint8Array;
  techIntensity: Uint8Array;
  entrepreneurType: Uint8Array;
  founderExportExperience: Uint8Array;
  founderSameIndustry: Uint8Array;
  largeFirmLinks: Uint8Array;
  clientPull: Uint8Array;
  partnerDependence: Uint8Array;
  prefersControl: Uint8Array;
  cluster: Uint8Array;
  incubator: Uint8Array;
  location: Uint8Array;
  homeEconomy: Uint8Array;
  barrierAttitudinal: Float32Array;
  barrierResource: Float32Array;
  barrierOperational: Float32Array;
  barrierStrategic: Float32Array;
  sunkCostConcern: Float32Array;
  weight: Float64Array;
  exporting: Uint8Array;
  everExported: Uint8Array;
  firstExportYear: Int32Array;
  lastExportYear: Int32Array;
  reentered: Uint8Array;
  plansToExport: Uint8Array;
  suspended: Uint8Array;
  exportShare: Float32Array;
  markets: Uint16Array;
}

/** Per-slot shifts for this year; hooks add to them (units in src/simulate intervention.ts). */
export interface SimEffects {
  sunkCostOffset: Float64Array;
  fixedCostOffset: Float64Array;
  barrierReduction: Float64Array;
  learningBoost: Float64Array;
  linkProbability: Float64Array;
  mentoringExperience: Float64Array;
}

/** The run's counter-based generator: a draw is a pure function of (key, slot). */
export interface SimRng {
  /** Identify the run: per-slot memory (who was served) is reset when either changes. */
  readonly seed: number;
  readonly replication: number;
  key(year: number, stream: number): number;
  uniform(key: number, slot: number): number;
}

export interface SimYear {
  year: number;
  yearIndex: number;
  /** Slots [start, end) to act on. */
  start: number;
  end: number;
  /** Share of the population weight in the range: the share of each annual budget it may use. */
  budgetShare: number;
  rng: SimRng;
}

/**
 * First RNG stream the policy may use; equal to the simulation's `STREAM.policyBase`. Each
 * instrument draws from two streams derived from its programme and instrument ids, so adding
 * or removing a programme does not change the draws of the others.
 */
export const POLICY_STREAM_BASE = 1000;

export interface InstrumentYearReport {
  programme: string;
  instrument: string;
  /** Alive firms for which the rule is true (less those already served, when once per firm). */
  eligible: number;
  /** Eligible firms that applied (take-up draw). */
  applicants: number;
  /** Applicants served this year. */
  takeUp: number;
  /** Applicants turned away because the budget ran out. */
  rationedOut: number;
  spend: number;
  /** The budget available to this range (cap × budget share); null when uncapped. */
  budget: number | null;
  /** Fraction of the full support each recipient got (below 1 only under pro-rata rationing). */
  share: number;
}

export interface PolicyYearReport {
  /** Firms eligible for at least one of the programme's instruments. */
  eligible: number;
  /** Firms served by at least one instrument; equals the ones set in `recipients`. */
  takeUp: number;
  spend: number;
  recipients: Uint8Array;
  applicants: number;
  rationedOut: number;
  instruments: InstrumentYearReport[];
}

export interface PolicyHooks {
  readonly id: string;
  beforeDecision(
    ctx: SimYear,
    pop: Readonly<SimPopulation>,
    effects: SimEffects,
    recipients: Uint8Array,
  ): PolicyYearReport;
}
