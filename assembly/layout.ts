/**
 * Where the kernel finds its data: a scenario descriptor is a run of 32-bit slots in linear
 * memory, one per column or table address, then the year's draw keys. JavaScript writes it
 * (src/simulate/kernel/arena.ts, whose KERNEL_SLOTS lists the same names in the same order; a
 * test holds the two lists together), so the kernel never takes more than a few arguments.
 */

// Population columns.
export const SECTOR: i32 = 0;
export const LOG_EMPLOYEES: i32 = 1;
export const EMPLOYEES: i32 = 2;
export const TECH_INTENSITY: i32 = 3;
export const FOUNDER_EXPORT_EXPERIENCE: i32 = 4;
export const LARGE_FIRM_LINKS: i32 = 5;
export const CLIENT_PULL: i32 = 6;
export const PARTNER_DEPENDENCE: i32 = 7;
export const BARRIER_ATTITUDINAL: i32 = 8;
export const BARRIER_RESOURCE: i32 = 9;
export const BARRIER_OPERATIONAL: i32 = 10;
export const BARRIER_STRATEGIC: i32 = 11;
export const SUNK_COST_CONCERN: i32 = 12;
export const DOMESTIC_DEMAND: i32 = 13;
export const KNOWLEDGE: i32 = 14;
export const FOUNDED: i32 = 15;
export const TRADABLE: i32 = 16;
export const EXPORTING: i32 = 17;
export const EXPORT_HISTORY: i32 = 18;
export const MARKETS: i32 = 19;
export const EVER_EXPORTED: i32 = 20;
export const PLANS_TO_EXPORT: i32 = 21;
export const SUSPENDED: i32 = 22;
export const YEARS_SINCE_EXIT: i32 = 23;
export const SPELL_YEARS: i32 = 24;
export const YEARS_EXPORTED: i32 = 25;
export const FIRST_EXPORT_YEAR: i32 = 26;
export const LAST_EXPORT_YEAR: i32 = 27;
export const REENTERED: i32 = 28;
export const EXPORT_SHARE: i32 = 29;
export const STATE: i32 = 30;
export const POSITION: i32 = 31;
export const SALES: i32 = 32;
export const SALES_GROWTH: i32 = 33;
export const WEIGHT: i32 = 34;
export const ENTREPRENEUR_TYPE: i32 = 35;
export const FOUNDER_SAME_INDUSTRY: i32 = 36;
export const CLUSTER: i32 = 37;
export const INCUBATOR: i32 = 38;
export const HOME_ECONOMY: i32 = 39;
export const LOCATION: i32 = 40;
// The scenario's own per-slot arrays.
export const BORN: i32 = 41;
export const STATIC_INDEX: i32 = 42;
export const SUNK_COST_OFFSET: i32 = 43;
export const FIXED_COST_OFFSET: i32 = 44;
export const BARRIER_REDUCTION: i32 = 45;
export const LEARNING_BOOST: i32 = 46;
export const LINK_PROBABILITY: i32 = 47;
export const MENTORING_EXPERIENCE: i32 = 48;
// The year's tallies (0 where absent).
export const CELLS: i32 = 49;
export const SEGMENT: i32 = 50;
export const RECIPIENTS: i32 = 51;
export const BASELINE_EXPORTING: i32 = 52;
// The year's draw keys.
export const KEY_PULL: i32 = 53;
export const KEY_LINK: i32 = 54;
export const KEY_MENTORING: i32 = 55;
export const KEY_DECISION: i32 = 56;
export const KEY_PROJECT: i32 = 57;
export const KEY_PLANS: i32 = 58;
export const KEY_DISCOVERY: i32 = 59;
export const KEY_NOISE: i32 = 60;
export const KEY_DOWN: i32 = 61;
export const KEY_DEATH: i32 = 62;
// Lookup tables (Float64) and the scalar constants.
export const T_SIGMOID: i32 = 63;
export const T_EXP_NEG: i32 = 64;
export const T_LOG_SMALL: i32 = 65;
export const T_LOGISTIC: i32 = 66;
export const T_EXP_GRID: i32 = 67;
export const T_LOST: i32 = 68;
export const T_LOST_SUSPENDED: i32 = 69;
export const T_INTENSITY_TARGETS: i32 = 70;
export const T_HAZARD_BY_AGE: i32 = 71;
export const T_SECTOR_EFFECT: i32 = 72;
export const T_TECH_EFFECT: i32 = 73;
export const T_ENTREPRENEUR_EFFECT: i32 = 74;
export const CONSTANTS: i32 = 75;
// Newborns (births.ts).
export const GENERATION: i32 = 76;
export const FIRM_ID: i32 = 77;
export const ALIVE: i32 = 78;
export const PREFERS_CONTROL: i32 = 79;
export const KEY_RESTART: i32 = 80;
export const T_NORMAL: i32 = 81;
/** Sector cuts (4), tradable share by sector (5), technology cuts low (5) and medium (5). */
export const T_SYNTH: i32 = 82;
/** The year's synthesis keys, one per stream (synthesize.ts synthesisKeys). */
export const SYNTH_KEYS: i32 = 83;
/** Money spent per firm this year (read for recipients in tallied years). */
export const SPEND: i32 = 84;
/** The reference scenario's recipients this year (0 where the reference runs no programme). */
export const REFERENCE_RECIPIENTS: i32 = 85;
/** The baseline's position now, the segment of a firm born this year (it had none before). */
export const SEGMENT_BORN: i32 = 86;
export const SLOT_COUNT: i32 = 87;

/** The scalar constants (Float64 slots at the CONSTANTS address), as kernel/constants.ts. */
export const C_PULL_EVENT_PROB: i32 = 0;
export const C_LINK_FORMATION_PROB: i32 = 1;
export const C_ORGANIC_LINK_PROB: i32 = 2;
export const C_EFFECT_LOG_EMPLOYEES: i32 = 3;
export const C_EFFECT_LINKS: i32 = 4;
export const C_EFFECT_PULL: i32 = 5;
export const C_EFFECT_PUSH: i32 = 6;
export const C_BARRIER_PER_POINT: i32 = 7;
export const C_BARRIER_OFFSET: i32 = 8;
export const C_EFFECT_DOMESTIC_DEMAND: i32 = 9;
export const C_EFFECT_KNOWLEDGE: i32 = 10;
export const C_EFFECT_YOUNG: i32 = 11;
export const C_EFFECT_LOG_MARKETS: i32 = 12;
export const C_EFFECT_PLANS: i32 = 13;
export const C_SUNK_ENTRY_COST: i32 = 14;
export const C_FIXED_EXPORT_COST: i32 = 15;
export const C_SUNK_COST_CONCERN_SCALE: i32 = 16;
export const C_KNOWLEDGE_COST_REDUCTION: i32 = 17;
export const C_PULL_COST_SHARE: i32 = 18;
export const C_PROJECT_END_PROB: i32 = 19;
export const C_REPEAT_BUSINESS_PROB: i32 = 20;
export const C_PLANS_BASE: i32 = 21;
export const C_PLANS_PER_KNOWLEDGE: i32 = 22;
export const C_BARRIER_DISCOVERY_PROB: i32 = 23;
export const C_BARRIER_DISCOVERY_POINTS: i32 = 24;
export const C_KNOWLEDGE_KEEP: i32 = 25;
export const C_LEARNING_PER_YEAR: i32 = 26;
export const C_INTENSITY_START_HIGH: i32 = 27;
export const C_INTENSITY_START_LOW: i32 = 28;
export const C_INTENSITY_ADJUSTMENT: i32 = 29;
export const C_INTENSITY_NOISE_RANGE: i32 = 30;
export const C_MAX_MARKETS: i32 = 31;
export const C_MARKET_ADD_PROB: i32 = 32;
export const C_MARKET_DROP_PROB: i32 = 33;
export const C_INV_INCEPTION_YEARS: i32 = 34;
export const C_INV_MIN_SHARE: i32 = 35;
export const C_EXPERIENCED_YEARS: i32 = 36;
export const C_CAPABLE_MAX_BARRIER: i32 = 37;
export const C_EXPORT_PERFORMANCE_LAG: i32 = 38;
export const C_SALES_GROWTH_BASE: i32 = 39;
export const C_SALES_GROWTH_EXPORT_LAGGED: i32 = 40;
export const C_SALES_NOISE: i32 = 41;
export const C_EMPLOYMENT_ELASTICITY: i32 = 42;
export const C_FOUNDER_KNOWLEDGE: i32 = 43;
export const C_FOUNDER_RESTART_PROB: i32 = 44;
export const C_DEMAND_PERSISTENCE: i32 = 45;
export const C_DEMAND_SHOCK_SCALE: i32 = 46;
export const C_SALES_DEMAND_ELASTICITY: i32 = 47;
export const C_INTERCEPT: i32 = 48;
export const C_EFFECT_FOUNDER_EXPORT_EXPERIENCE: i32 = 49;
export const C_EFFECT_SAME_INDUSTRY: i32 = 50;
export const C_EFFECT_CLUSTER: i32 = 51;
export const C_EFFECT_INCUBATOR: i32 = 52;
export const C_EFFECT_SMALL_OPEN: i32 = 53;
export const C_EFFECT_RURAL: i32 = 54;
export const C_HAZARD_LAST: i32 = 55;
export const C_LOG_NEWBORN: i32 = 56;
export const C_INV_SHARE: i32 = 57;
export const C_SERIAL_CUT: i32 = 58;
export const C_PORTFOLIO_CUT: i32 = 59;
export const C_FOUNDER_EXP_NOVICE: i32 = 60;
export const C_FOUNDER_EXP_HABITUAL: i32 = 61;
export const C_SAME_INDUSTRY: i32 = 62;
export const C_LINK_MANUFACTURING: i32 = 63;
export const C_LINK_OTHER: i32 = 64;
export const C_DEPENDENCE: i32 = 65;
export const C_CONTROL: i32 = 66;
export const C_CLUSTER: i32 = 67;
export const C_INCUBATOR_KNOWLEDGE: i32 = 68;
export const C_INCUBATOR_OTHER: i32 = 69;
export const C_RURAL: i32 = 70;
export const C_SMALL_OPEN: i32 = 71;
export const C_BARRIER_MEAN: i32 = 72;
export const C_BARRIER_SD: i32 = 73;
export const C_SALES_PER_EMPLOYEE: i32 = 74;
export const C_CAPACITY: i32 = 75;
export const C_LOG_MAX_EMPLOYEES: i32 = 76;
export const CONSTANT_COUNT: i32 = 77;

/** The address in slot `k` of descriptor `d`. */
@inline
export function at(d: usize, k: i32): usize {
  return <usize>load<u32>(d + (<usize>k << 2));
}

/** Scalar constant `k` of descriptor `d`. */
@inline
export function constant(d: usize, k: i32): f64 {
  return load<f64>(at(d, CONSTANTS) + (<usize>k << 3));
}
