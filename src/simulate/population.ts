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
import type { SimPopulation } from "../policy/index.ts";

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

/**
 * The whole simulated population: the columns programmes read (`SimPopulation`, declared with
 * their meaning in src/policy hook.ts) plus the simulation's own working state.
 */
export interface Population extends SimPopulation {
  /** log(employees), kept beside it because the export decision reads it every year. */
  logEmployees: Float32Array;
  /** Bit k set when the firm exported k+1 years ago (bit 0 = last year); lags up to 31 years. */
  exportHistory: Uint32Array;
  /** Cumulated years with exports (all spells). */
  yearsExported: Int32Array;
  /** Length in years of the current export spell (0 when not exporting). */
  spellYears: Int32Array;
  /** Years since the firm last exported; 0 while exporting, -1 if it never exported. */
  yearsSinceExit: Int32Array;
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
