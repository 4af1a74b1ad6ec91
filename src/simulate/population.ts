/**
 * The simulated population as struct-of-arrays: one typed array per attribute, indexed by slot.
 *
 * A slot holds one firm at a time. When a firm dies its slot is refilled by a newborn firm the
 * next year (a new `firmId`, `generation + 1`), so memory is fixed at `capacity` whatever the
 * number of years. Codes index the closed sets of src/framework/vocabulary.ts. Simulated firms
 * always know their yes/no attributes, so those are 0/1 bytes (a register's "unknown" is imputed
 * on load and reported as a note).
 */
import {
  ENTREPRENEUR_TYPES,
  HOME_ECONOMIES,
  LOCATIONS,
  POSITIONS,
  SECTORS,
  STATES,
  TECH_INTENSITIES,
} from "../framework/vocabulary.ts";

/** Column index of each code column's vocabulary, so `SECTORS[pop.sector[i]]` is the id. */
export const CODES = {
  sector: SECTORS,
  techIntensity: TECH_INTENSITIES,
  entrepreneurType: ENTREPRENEUR_TYPES,
  location: LOCATIONS,
  homeEconomy: HOME_ECONOMIES,
  state: STATES,
  position: POSITIONS,
} as const;

export interface Population {
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
  /** log(employees), kept beside it because the export decision reads it every year. */
  logEmployees: Float32Array;
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

  // --- dynamic state (what the firm does; updated every year) ---------------------------------
  /** 1 when the firm exports this year. */
  exporting: Uint8Array;
  /** Bit k set when the firm exported k+1 years ago (bit 0 = last year); lags up to 31 years. */
  exportHistory: Uint32Array;
  /** Cumulated years with exports (all spells). */
  yearsExported: Int32Array;
  /** Length in years of the current export spell (0 when not exporting). */
  spellYears: Int32Array;
  /** Years since the firm last exported; 0 while exporting, -1 if it never exported. */
  yearsSinceExit: Int32Array;
  /** 1 once the firm has exported. */
  everExported: Uint8Array;
  /** Calendar year of the first export, -1 if none. */
  firstExportYear: Int32Array;
  /** Calendar year of the latest export, -1 if none. */
  lastExportYear: Int32Array;
  /** 1 when the current spell followed a gap without exports (state re_entered). */
  reentered: Uint8Array;
  /** 1 when a non-exporting past exporter plans to export again (Crick 2004). */
  plansToExport: Uint8Array;
  /** 1 between foreign projects, expecting repeat business (O'Farrell et al. 1998). */
  suspended: Uint8Array;
  /** Share of sales exported, 0..1 (kept at its last value after exit). */
  exportShare: Float32Array;
  /** Number of foreign markets served (kept at its last value after exit). */
  markets: Uint16Array;
  /** Index into STATES, this year. */
  state: Uint8Array;
  /** Index into POSITIONS, this year. */
  position: Uint8Array;
  /** Export knowledge stock (experience-equivalent years; learning lowers costs). */
  knowledge: Float32Array;
  /** Persistent domestic demand component (log deviation; negative = weak home demand). */
  domesticDemand: Float32Array;
  /** Sales (thousand currency units per year). */
  sales: Float64Array;
  /** Sales growth this year (log difference). */
  salesGrowth: Float32Array;
}

/** Allocates an empty population with `capacity` zeroed slots and n = 0. */
export function allocatePopulation(capacity: number): Population {
  if (!Number.isInteger(capacity) || capacity < 0) {
    throw new RangeError(`capacity must be a non-negative integer, got ${capacity}`);
  }
  const c = capacity;
  return {
    n: 0,
    capacity: c,
    firmId: new Float64Array(c),
    generation: new Int32Array(c),
    alive: new Uint8Array(c),
    sector: new Uint8Array(c),
    employees: new Float32Array(c),
    logEmployees: new Float32Array(c),
    founded: new Int32Array(c),
    tradable: new Uint8Array(c),
    techIntensity: new Uint8Array(c),
    entrepreneurType: new Uint8Array(c),
    founderExportExperience: new Uint8Array(c),
    founderSameIndustry: new Uint8Array(c),
    largeFirmLinks: new Uint8Array(c),
    clientPull: new Uint8Array(c),
    partnerDependence: new Uint8Array(c),
    prefersControl: new Uint8Array(c),
    cluster: new Uint8Array(c),
    incubator: new Uint8Array(c),
    location: new Uint8Array(c),
    homeEconomy: new Uint8Array(c),
    barrierAttitudinal: new Float32Array(c),
    barrierResource: new Float32Array(c),
    barrierOperational: new Float32Array(c),
    barrierStrategic: new Float32Array(c),
    sunkCostConcern: new Float32Array(c),
    weight: new Float64Array(c),
    exporting: new Uint8Array(c),
    exportHistory: new Uint32Array(c),
    yearsExported: new Int32Array(c),
    spellYears: new Int32Array(c),
    yearsSinceExit: new Int32Array(c),
    everExported: new Uint8Array(c),
    firstExportYear: new Int32Array(c),
    lastExportYear: new Int32Array(c),
    reentered: new Uint8Array(c),
    plansToExport: new Uint8Array(c),
    suspended: new Uint8Array(c),
    exportShare: new Float32Array(c),
    markets: new Uint16Array(c),
    state: new Uint8Array(c),
    position: new Uint8Array(c),
    knowledge: new Float32Array(c),
    domesticDemand: new Float32Array(c),
    sales: new Float64Array(c),
    salesGrowth: new Float32Array(c),
  };
}

type Column = Population[Exclude<keyof Population, "n" | "capacity">];

/** The names of every per-slot column, in declaration order. */
export function columnNames(pop: Population): Array<Exclude<keyof Population, "n" | "capacity">> {
  return (Object.keys(pop) as Array<keyof Population>).filter(
    (k): k is Exclude<keyof Population, "n" | "capacity"> => k !== "n" && k !== "capacity",
  );
}

/** A deep copy (a reform runs on a copy of the baseline after burn-in). */
export function clonePopulation(pop: Population): Population {
  const out = allocatePopulation(pop.capacity);
  out.n = pop.n;
  for (const k of columnNames(pop)) (out[k] as Column).set(pop[k] as never);
  return out;
}

/** Copies every column of `src` into `dst` (same capacity), reusing `dst`'s memory. */
export function copyPopulationInto(dst: Population, src: Population): void {
  if (dst.capacity !== src.capacity) {
    throw new RangeError(`capacity mismatch: ${dst.capacity} vs ${src.capacity}`);
  }
  dst.n = src.n;
  for (const k of columnNames(src)) (dst[k] as Column).set(src[k] as never);
}
