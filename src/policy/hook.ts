/**
 * The contract between a support programme and the simulation that runs it, declared here once:
 * the population columns, effect columns, generator and year a programme reads and writes, and
 * the hook it gives the simulation. src/simulate builds its `Population` on `SimPopulation` and
 * calls programmes through `SimHooks`, so the compiler keeps both sides in step; src/policy
 * never imports src/simulate (imports point down the layer list).
 *
 * Units. The export decision compares a latent export profit index with costs, both in "latent
 * profit units" (logit scale: +1 multiplies the odds of exporting by e). Effects are in those
 * units unless stated.
 */

/**
 * The population columns a programme may read: one typed array per attribute, indexed by slot
 * (length `capacity`). Codes index the closed sets of src/framework/vocabulary.ts; yes/no
 * attributes are 0/1 bytes, because simulated firms always know them.
 */
export interface SimPopulation {
  /** Slots in use: firms live in slots 0..n-1. */
  n: number;
  /** Allocated slots (length of every column). */
  capacity: number;

  // --- identity -------------------------------------------------------------------------------
  /** Stable firm id written to the panel: `slot + generation * capacity`. */
  firmId: Float64Array;
  /** How many firms have occupied this slot before the current one (0 for the first). */
  generation: Int32Array;
  /** 1 while the firm trades; 0 for the year it died (the slot is refilled next year). */
  alive: Uint8Array;

  // --- structure (who the firm is) ------------------------------------------------------------
  /** Index into SECTORS. */
  sector: Uint8Array;
  /** Employees (headcount, may be fractional after growth). */
  employees: Float32Array;
  /** Calendar year the firm was founded. */
  founded: Int32Array;
  /** 1 when the offer can be sold abroad at all (review theme 1: non-tradable offers). */
  tradable: Uint8Array;
  /** Index into TECH_INTENSITIES. */
  techIntensity: Uint8Array;
  /** Index into ENTREPRENEUR_TYPES (novice, serial, portfolio; Westhead et al. 2005). */
  entrepreneurType: Uint8Array;
  /** 1 when the principal founder sold abroad before (Westhead et al. 2001). */
  founderExportExperience: Uint8Array;
  /** 1 when the founder started in the same industry as the last employer (Westhead et al. 2001). */
  founderSameIndustry: Uint8Array;
  /** 1 when the firm has links with larger firms that can act as conduits (Acs et al. 1997). */
  largeFirmLinks: Uint8Array;
  /** 1 when a major customer has gone abroad and pulls the firm along (pull; theme 5). */
  clientPull: Uint8Array;
  /** 1 when most sales depend on one larger partner (asymmetric interdependence; push). */
  partnerDependence: Uint8Array;
  /** 1 when the firm prefers to keep control (reluctance to co-operate; EIM 2005). */
  prefersControl: Uint8Array;
  /** 1 in a specialised cluster (theme 4). */
  cluster: Uint8Array;
  /** 1 when the firm came out of an incubator (Clarysse et al. 2005). */
  incubator: Uint8Array;
  /** Index into LOCATIONS (urban, rural). */
  location: Uint8Array;
  /** Index into HOME_ECONOMIES (small open: push; large: pull; Luostarinen & Gabrielsson 2004). */
  homeEconomy: Uint8Array;
  /** Barrier family scores, 1..5 (5 = severe): attitudinal, resource, operational, strategic. */
  barrierAttitudinal: Float32Array;
  barrierResource: Float32Array;
  barrierOperational: Float32Array;
  barrierStrategic: Float32Array;
  /** Worry about unrecoverable entry costs, 1..5; scales the perceived sunk cost. */
  sunkCostConcern: Float32Array;
  /** Survey or register weight (1 for a synthetic population). */
  weight: Float64Array;

  // --- export record (what the firm does; updated every year) ---------------------------------
  /** 1 when the firm exports this year. */
  exporting: Uint8Array;
  /** 1 once the firm has exported. */
  everExported: Uint8Array;
  /** Calendar year of the first export, -1 if none. */
  firstExportYear: Int32Array;
  /** Calendar year of the latest export, -1 if none. */
  lastExportYear: Int32Array;
  /** 1 when the current spell followed a gap without exports (state re_entered). */
  reentered: Uint8Array;
  /**
   * 1 when a non-exporting past exporter plans to export again (Crick 2004); 0 while the firm
   * exports (its profile then reads "yes": simulated-profile.ts).
   */
  plansToExport: Uint8Array;
  /** 1 between foreign projects, expecting repeat business (O'Farrell et al. 1998). */
  suspended: Uint8Array;
  /** Share of sales exported, 0..1 (kept at its last value after exit). */
  exportShare: Float32Array;
  /** Number of foreign markets served (kept at its last value after exit). */
  markets: Uint16Array;
}

/**
 * Per-slot shifts a programme writes for this year (index = slot, length = capacity). The
 * simulation zeroes each column over the range before calling the hooks, and hooks ADD to them
 * so several programmes combine.
 */
export interface SimEffects {
  /**
   * Reduction of the sunk entry (or re-entry) cost this year, latent profit units, >= 0.
   * Applies only to a firm not exporting last year (e.g. an export-readiness grant).
   */
  sunkCostOffset: Float64Array;
  /** Reduction of this year's fixed cost of exporting, latent profit units, >= 0. */
  fixedCostOffset: Float64Array;
  /**
   * Permanent reduction of the four barrier scores, in barrier points on the 1..5 scale
   * (information and advice; floors at 1). Applied once, in the year written.
   */
  barrierReduction: Float64Array;
  /**
   * Addition to the export knowledge stock, in experience-equivalent years (a learning review,
   * skills support). It then depreciates like any knowledge.
   */
  learningBoost: Float64Array;
  /**
   * Probability, 0..1, that a firm without links forms a link with a larger firm this year
   * (brokering, piggy-back schemes). A formed link is permanent.
   */
  linkProbability: Float64Array;
  /**
   * Probability, 0..1, that the entrepreneur acquires export experience this year through a
   * mentor (habitual exporters mentoring novices). Acquired experience is permanent.
   */
  mentoringExperience: Float64Array;
  /**
   * Money spent on the firm this year, in the programme's currency (cost per firm times the
   * share it received). Not an effect on the firm: the simulation adds it up for the year's
   * recipients by segment and state, to show where a programme's budget goes.
   */
  spend: Float64Array;
}

/** A seeded generator bound to one run (seed, replication): a draw is a pure function of (key, slot). */
export interface SimRng {
  /** Identify the run: per-slot memory (who was served) is reset when either changes. */
  readonly seed: number;
  readonly replication: number;
  /** Key for all draws of one purpose in one year. */
  key(year: number, stream: number): number;
  /** Uniform [0, 1) draw for one firm slot under `key`. */
  uniform(key: number, slot: number): number;
}

/** How the ranges of a population share the whole grants of a yearly budget (SimYear.split). */
export interface BudgetSplit {
  /** Weight share of the ranges before this one (0 for the first). */
  before: number;
  /** Weight share of the ranges through this one (1 for the last). */
  through: number;
  /** The firms the whole population stands for: its survey weights' sum (its size without). */
  populationWeight: number;
  /**
   * The population's mean survey weight (1 without weights): the unit of the split is the
   * grant of a firm of that weight, so a register weighing 4 throughout splits its budget as the
   * same register weighing 1 would, in grants four times dearer.
   */
  meanWeight: number;
  /**
   * A bound on the relative rounding in `populationWeight` and `meanWeight`: a budget that
   * pays for G grants at the exact mean weight may divide to a hair less than G, and a grant
   * within this share of it is counted.
   */
  roundoff: number;
}

/** What a hook knows about the year and range it is called for. */
export interface SimYear {
  /** Calendar year of the decision. */
  year: number;
  /** 0 for the first policy year, 1 for the next, ... */
  yearIndex: number;
  /** Slots [start, end) to act on; other slots must not be read or written. */
  start: number;
  end: number;
  /** Share of the population weight in this range (0..1): the share of an annual budget. */
  budgetShare: number;
  /** The firms the range stands for: its survey weights' sum (end - start without weights). */
  rangeWeight: number;
  /**
   * Where the range sits in the population. Given, the whole grants of a yearly budget are
   * spread over the ranges by their cumulative weight shares, so each range gets its share
   * rounded up or down and no range's remainder is lost; absent, each range rations
   * `budgetShare` of the money alone.
   */
  split?: BudgetSplit;
  /**
   * Changes each time the simulation starts a range's policy years anew; the same range can be
   * run twice in a row (parts of one block's scenarios on one thread). Programmes start afresh
   * when it changes.
   */
  pass?: number;
  /** The run's generator: draw with `rng.uniform(rng.key(year, POLICY_STREAM_BASE + k), slot)`. */
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
  /**
   * The budget available to this range: its whole grants of the yearly cap (SimYear's split),
   * or cap × budget share for pro rata and when the range's place is not given; null when
   * uncapped.
   */
  budget: number | null;
  /**
   * The yearly budget as written for the whole population, the same in every range: the cap,
   * scaled by `budget_basis` to the population's weight when the system has one; 0 when the
   * instrument does not run this year, null when it runs uncapped.
   */
  allotted: number | null;
  /** Fraction of the full support each recipient got (below 1 only under pro-rata rationing). */
  share: number;
}

/** What one programme did in one range and year; the simulation sums these over ranges. */
export interface ProgrammeYearReport {
  /** Firms that met the eligibility rules (count, unweighted). */
  eligible: number;
  /** Firms that received support (count, unweighted); must equal the ones set in `recipients`. */
  takeUp: number;
  /** Money spent in this range and year, in the programme's currency units. */
  spend: number;
  /** Eligible firms that applied (take-up draw); absent from hooks that do not ration. */
  applicants?: number;
  /** Applicants turned away because a budget ran out; absent from hooks that do not ration. */
  rationedOut?: number;
  /**
   * The programme's yearly budgets as written for the whole population (InstrumentYearReport),
   * summed over the instruments that run this year; null when one of them runs uncapped; absent
   * from hooks that do not say (the results then show no budget).
   */
  allotted?: number | null;
  /**
   * The recipient mask the hook was given, with 1 at each supported slot of the range. The
   * simulation reads it for take-up by segment and for deadweight (recipients that export in the
   * baseline in the same year).
   */
  recipients: Uint8Array;
}

/** A programme system's report: the simulation's totals plus each instrument's. */
export interface PolicyYearReport extends ProgrammeYearReport {
  /** Firms eligible for at least one of the programme's instruments. */
  eligible: number;
  /** Firms served by at least one instrument; equals the ones set in `recipients`. */
  takeUp: number;
  /** Eligible firms that applied, summed over instruments. */
  applicants: number;
  /** Applicants turned away because a budget ran out, summed over instruments. */
  rationedOut: number;
  instruments: InstrumentYearReport[];
}

/**
 * One programme's yearly behaviour. Must be pure given its inputs (no clock, no Math.random).
 * `P` is the population the caller hands over (the simulation's own, with more columns) and `R`
 * what the hook reports; a hook written for fewer columns serves any larger population.
 */
export interface SimHooks<
  P extends SimPopulation = SimPopulation,
  R extends ProgrammeYearReport = ProgrammeYearReport,
> {
  /** Programme id, used to name its take-up and spend in the results. */
  readonly id: string;
  /**
   * True when the programme shares a capped budget among firms. Who is served then depends on
   * which firms a range holds, so the runner gives such programmes the whole population as one
   * range (one national queue) when it fits in memory.
   */
  readonly sharesBudget?: boolean;
  /**
   * Called once per year and range, before the export decision and after births, deaths and the
   * domestic demand shock. Reads the population, writes effects (adding) and the recipient mask.
   * The simulation may hand over other arrays from one block of slots to the next: read them
   * from `pop` and `effects` at each call, never keep one. It runs each block of slots through
   * all its years before the next block; the programmes src/policy builds keep what they
   * remember per slot (support given once per firm, effects lasting years) for such a run, and
   * start afresh when called with another range, population, generator or pass, or an earlier
   * year.
   */
  beforeDecision(ctx: SimYear, pop: Readonly<P>, effects: SimEffects, recipients: Uint8Array): R;
}

/** The hooks src/policy builds: any population, with per-instrument reports. */
export type PolicyHooks = SimHooks<SimPopulation, PolicyYearReport>;
