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

/**
 * Where zeroed columns come from: the JavaScript heap by default, or a region of the compiled
 * kernel's linear memory (kernel/arena.ts), so that both the kernel and JavaScript (programmes,
 * outputs) read the same columns.
 */
export interface ColumnAllocator {
  f64(length: number): Float64Array;
  f32(length: number): Float32Array;
  i32(length: number): Int32Array;
  u32(length: number): Uint32Array;
  u16(length: number): Uint16Array;
  u8(length: number): Uint8Array;
}

export const HEAP_COLUMNS: ColumnAllocator = {
  f64: (n) => new Float64Array(n),
  f32: (n) => new Float32Array(n),
  i32: (n) => new Int32Array(n),
  u32: (n) => new Uint32Array(n),
  u16: (n) => new Uint16Array(n),
  u8: (n) => new Uint8Array(n),
};

/** Allocates an empty population with `capacity` zeroed slots and n = 0. */
export function allocatePopulation(
  capacity: number,
  alloc: ColumnAllocator = HEAP_COLUMNS,
): Population {
  if (!Number.isInteger(capacity) || capacity < 0) {
    throw new RangeError(`capacity must be a non-negative integer, got ${capacity}`);
  }
  const c = capacity;
  const a = alloc;
  return {
    n: 0,
    capacity: c,
    firmId: a.f64(c),
    generation: a.i32(c),
    alive: a.u8(c),
    sector: a.u8(c),
    employees: a.f32(c),
    logEmployees: a.f32(c),
    founded: a.i32(c),
    tradable: a.u8(c),
    techIntensity: a.u8(c),
    entrepreneurType: a.u8(c),
    founderExportExperience: a.u8(c),
    founderSameIndustry: a.u8(c),
    largeFirmLinks: a.u8(c),
    clientPull: a.u8(c),
    partnerDependence: a.u8(c),
    prefersControl: a.u8(c),
    cluster: a.u8(c),
    incubator: a.u8(c),
    location: a.u8(c),
    homeEconomy: a.u8(c),
    barrierAttitudinal: a.f32(c),
    barrierResource: a.f32(c),
    barrierOperational: a.f32(c),
    barrierStrategic: a.f32(c),
    sunkCostConcern: a.f32(c),
    weight: a.f64(c),
    exporting: a.u8(c),
    exportHistory: a.u32(c),
    yearsExported: a.i32(c),
    spellYears: a.i32(c),
    yearsSinceExit: a.i32(c),
    everExported: a.u8(c),
    firstExportYear: a.i32(c),
    lastExportYear: a.i32(c),
    reentered: a.u8(c),
    plansToExport: a.u8(c),
    suspended: a.u8(c),
    exportShare: a.f32(c),
    markets: a.u16(c),
    state: a.u8(c),
    position: a.u8(c),
    knowledge: a.f32(c),
    domesticDemand: a.f32(c),
    sales: a.f64(c),
    salesGrowth: a.f32(c),
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

/** The firms slots [start, end) stand for: their survey weights' sum. */
export function weightSum(pop: Population, start = 0, end = pop.n): number {
  const { weight } = pop;
  let sum = 0;
  for (let i = start; i < end; i++) sum += weight[i];
  return sum;
}
