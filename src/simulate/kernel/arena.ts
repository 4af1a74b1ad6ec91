/**
 * One thread's scenarios laid out in the compiled kernel's linear memory. Every column of every
 * scenario is a typed-array view on that memory, so programmes, panel output and the reference
 * path use them as ordinary arrays while the kernel reads them by address. Each scenario has a
 * descriptor: the address of each column and table in the order of assembly/layout.ts, the
 * year's draw keys, and the address of the scalar constants.
 *
 * The memory is sized once for the scenarios it will hold: it never grows, because growing
 * would detach every view. A windowed arena holds one block of slots of each scenario at a time
 * (`scenarioColumns`, and `enterBlock` in blocks.ts); otherwise the whole population. Wasm32
 * memory ends at 4 GiB; beyond that the caller falls back to the JavaScript heap.
 */
import {
  EXP_GRID_TABLE,
  EXP_NEG_TABLE,
  LOG_SMALL_TABLE,
  LOGISTIC_TABLE,
  SIGMOID_TABLE,
} from "../fastmath.ts";
import { EFFECT_NAMES } from "../intervention.ts";
import type { SimParams } from "../params.ts";
import type { ColumnAllocator } from "../population.ts";
import { newCells } from "../processes/collect.ts";
import type { CounterRng } from "../rng.ts";
import { STREAM } from "../rng.ts";
import {
  NORMAL_TABLE,
  SYNTH_STREAMS,
  type SynthConstants,
  synthConstants,
  TECH_LOW_CUT,
  TECH_MEDIUM_CUT,
} from "../synthesize.ts";
import type { ScenarioState } from "../year-step.ts";
import { type YearConstants, yearConstants } from "./constants.ts";

/** Descriptor slots, named as the JavaScript columns they address (assembly/layout.ts order). */
export const KERNEL_SLOTS = [
  "sector",
  "logEmployees",
  "employees",
  "techIntensity",
  "founderExportExperience",
  "largeFirmLinks",
  "clientPull",
  "partnerDependence",
  "barrierAttitudinal",
  "barrierResource",
  "barrierOperational",
  "barrierStrategic",
  "sunkCostConcern",
  "domesticDemand",
  "knowledge",
  "founded",
  "tradable",
  "exporting",
  "exportHistory",
  "markets",
  "everExported",
  "plansToExport",
  "suspended",
  "yearsSinceExit",
  "spellYears",
  "yearsExported",
  "firstExportYear",
  "lastExportYear",
  "reentered",
  "exportShare",
  "state",
  "position",
  "sales",
  "salesGrowth",
  "weight",
  "entrepreneurType",
  "founderSameIndustry",
  "cluster",
  "incubator",
  "homeEconomy",
  "location",
  "born",
  "staticIndex",
  ...EFFECT_NAMES,
  "cells",
  "segment",
  "recipients",
  "baselineExporting",
  "keyPull",
  "keyLink",
  "keyMentoring",
  "keyDecision",
  "keyProject",
  "keyPlans",
  "keyDiscovery",
  "keyNoise",
  "keyDown",
  "keyDeath",
  "tableSigmoid",
  "tableExpNeg",
  "tableLogSmall",
  "tableLogistic",
  "tableExpGrid",
  "tableLost",
  "tableLostSuspended",
  "tableIntensityTargets",
  "tableHazardByAge",
  "tableSectorEffect",
  "tableTechEffect",
  "tableEntrepreneurEffect",
  "constants",
  "generation",
  "firmId",
  "alive",
  "prefersControl",
  "keyRestart",
  "tableNormal",
  "tableSynth",
  "synthKeys",
  "spend",
  "referenceRecipients",
  "segmentBorn",
] as const;
type Slot = (typeof KERNEL_SLOTS)[number];
const SLOT = Object.fromEntries(KERNEL_SLOTS.map((k, i) => [k, i])) as Record<Slot, number>;

/** Scalar constants in the order of assembly/layout.ts (the C_ indices). */
export const KERNEL_CONSTANTS = [
  "pullEventProb",
  "linkFormationProb",
  "organicLinkProb",
  "effectLogEmployees",
  "effectLinks",
  "effectPull",
  "effectPush",
  "barrierPerPoint",
  "barrierOffset",
  "effectDomesticDemand",
  "effectKnowledge",
  "effectYoung",
  "effectLogMarkets",
  "effectPlans",
  "sunkEntryCost",
  "fixedExportCost",
  "sunkCostConcernScale",
  "knowledgeCostReduction",
  "pullCostShare",
  "projectEndProb",
  "repeatBusinessProb",
  "plansBase",
  "plansPerKnowledge",
  "barrierDiscoveryProb",
  "barrierDiscoveryPoints",
  "knowledgeKeep",
  "learningPerYear",
  "intensityStartHigh",
  "intensityStartLow",
  "intensityAdjustment",
  "intensityNoiseRange",
  "maxMarkets",
  "marketAddProb",
  "marketDropProb",
  "invInceptionYears",
  "invMinShare",
  "experiencedYears",
  "capableMaxBarrier",
  "exportPerformanceLag",
  "salesGrowthBase",
  "salesGrowthExportLagged",
  "salesNoise",
  "employmentElasticity",
  "founderKnowledge",
  "founderRestartProb",
  "demandPersistence",
  "demandShockScale",
  "salesDemandElasticity",
  "intercept",
  "effectFounderExportExperience",
  "effectSameIndustry",
  "effectCluster",
  "effectIncubator",
  "effectSmallOpen",
  "effectRural",
  "hazardLast",
  "logNewborn",
  "invShare",
  "serialCut",
  "portfolioCut",
  "founderExpNovice",
  "founderExpHabitual",
  "sameIndustry",
  "linkManufacturing",
  "linkOther",
  "dependence",
  "control",
  "cluster",
  "incubatorKnowledge",
  "incubatorOther",
  "rural",
  "smallOpen",
  "barrierMean",
  "barrierSd",
  "salesPerEmployee",
  "capacity",
  "logMaxEmployees",
] as const satisfies ReadonlyArray<
  keyof YearConstants | keyof SynthConstants | "hazardLast" | "capacity" | "logMaxEmployees"
>;

/** The kernel's exports (assembly/index.ts). */
export interface KernelExports {
  deathsAndDemand(d: number, start: number, end: number, year: number): number;
  firmYearPass(
    d: number,
    start: number,
    end: number,
    year: number,
    acting: number,
    tally: number,
    expMid: number,
  ): void;
  birthsInRange(d: number, start: number, end: number, year: number, expMid: number): void;
}

const TABLES = [
  ["tableSigmoid", SIGMOID_TABLE.values],
  ["tableExpNeg", EXP_NEG_TABLE.values],
  ["tableLogSmall", LOG_SMALL_TABLE],
  ["tableLogistic", LOGISTIC_TABLE],
  ["tableExpGrid", EXP_GRID_TABLE.values],
  ["tableNormal", NORMAL_TABLE],
] as const;
type Prepared = { c: YearConstants; sc: SynthConstants };
const PARAM_TABLES: ReadonlyArray<readonly [Slot, (x: Prepared) => Float64Array]> = [
  ["tableLost", (x) => x.c.lost],
  ["tableLostSuspended", (x) => x.c.lostSuspended],
  ["tableIntensityTargets", (x) => x.c.intensityTargets],
  ["tableHazardByAge", (x) => x.c.hazardByAge],
  ["tableSectorEffect", (x) => x.c.sectorEffect],
  ["tableTechEffect", (x) => x.c.techEffect],
  ["tableEntrepreneurEffect", (x) => x.c.entrepreneurEffect],
  // The layout births.ts reads: sector cuts, tradable by sector, technology cuts.
  [
    "tableSynth",
    (x) =>
      Float64Array.from([
        ...x.sc.sectorCuts,
        ...x.sc.tradableBySector,
        ...TECH_LOW_CUT,
        ...TECH_MEDIUM_CUT,
      ]),
  ],
];
/** Room for the parameter tables (the longest, hazard by age, has 100 entries). */
const PARAM_TABLE_ROOM = 256;
const WASM_PAGE = 65536;
const MAX_PAGES = 65536;
/** Draw streams of the descriptor's key slots. */
const KEYS = [
  ["keyPull", STREAM.pullEvent],
  ["keyLink", STREAM.linkFormation],
  ["keyMentoring", STREAM.mentoring],
  ["keyDecision", STREAM.decision],
  ["keyProject", STREAM.projectEnd],
  ["keyPlans", STREAM.plans],
  ["keyDiscovery", STREAM.discovery],
  ["keyNoise", STREAM.intensity],
  ["keyDown", STREAM.marketsDown],
  ["keyDeath", STREAM.death],
  ["keyRestart", STREAM.founderRestart],
] as const;
const LOG_MAX_EMPLOYEES = Math.log(249);

// Arithmetic, not `& ~7`: byte counts pass 2^31 for large populations.
const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * Columns of this many slots or more start at staggered offsets within a 4 KiB page: the pass
 * reads and writes some 50 columns at the same slot, and when their addresses agree in the low
 * 12 bits (as columns of a power-of-two block do) the processor takes a load for a possible
 * reuse of an earlier store to another column and waits ("4K aliasing"): a 16,384-slot block ran
 * 143-187 ns per firm-year against 102-131 for 16,000 slots before the stagger.
 */
const STAGGER_FROM = 1024;
const PAGE = 4096;
/** Cache lines between the page offsets of successive columns (odd: all 64 lines are used). */
const STAGGER_LINES = 5;

/** Per-slot columns of `capacity` slots held `slots` at a time (see KernelArena.rebase). */
export interface SlotWindow {
  capacity: number;
  slots: number;
}

/** Counts the bytes a set of allocations takes (the arena's first, sizing pass). */
export class ByteCounter implements ColumnAllocator {
  bytes = 0;
  /** When set, a per-slot column (length `capacity`) counts only its window. */
  constructor(private readonly window: SlotWindow | null = null) {}
  private add(n: number, size: number) {
    const held = this.window !== null && n === this.window.capacity ? this.window.slots : n;
    // A per-slot column may be moved up to a page to stagger it (KernelArena.view).
    this.bytes += align8(held * size) + (n >= STAGGER_FROM ? PAGE : 0);
  }
  f64(n: number) {
    this.add(n, 8);
    return new Float64Array(0);
  }
  f32(n: number) {
    this.add(n, 4);
    return new Float32Array(0);
  }
  i32(n: number) {
    this.add(n, 4);
    return new Int32Array(0);
  }
  u32(n: number) {
    this.add(n, 4);
    return new Uint32Array(0);
  }
  u16(n: number) {
    this.add(n, 2);
    return new Uint16Array(0);
  }
  u8(n: number) {
    this.add(n, 1);
    return new Uint8Array(0);
  }
}

type ViewOf<T> = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => T;

/** Address 0 stays unused: a zero slot in a descriptor means "absent". */
const FIRST_ADDRESS = 8;

/** The arena's own tables and buffers, reserved the same way to size the arena and to fill it. */
function reserveShared(a: ColumnAllocator, capacity: number) {
  return {
    tables: TABLES.map(([, t]) => a.f64(t.length + 1)),
    paramTables: PARAM_TABLES.map(() => a.f64(PARAM_TABLE_ROOM)),
    constants: a.f64(KERNEL_CONSTANTS.length),
    /** Tally cells, and per-slot copies of tally arrays that live outside the arena. */
    cells: a.f64(newCells().length),
    foreign: [a.u8(capacity), a.u8(capacity), a.u8(capacity), a.u8(capacity), a.u8(capacity)],
  };
}

/** A scenario's descriptor and its year's synthesis keys. */
function reserveDescriptor(a: ColumnAllocator) {
  return { slots: a.u32(KERNEL_SLOTS.length), synthKeys: a.u32(SYNTH_STREAMS) };
}

/** A scenario's place in the arena. */
export interface ScenarioKernel {
  arena: KernelArena;
  /** Address of its descriptor. */
  descriptor: number;
  /** The descriptor's slots. */
  slots: Uint32Array;
  /** The year's synthesis keys (births). */
  synthKeys: Uint32Array;
  /** Its windowed columns among the arena's records, [from, to) (windowed arenas only). */
  records: readonly [number, number];
}

/** Linear memory holding one thread's scenarios, with the kernel instance bound to it. */
export class KernelArena implements ColumnAllocator {
  readonly memory: WebAssembly.Memory;
  readonly kernel: KernelExports;
  readonly capacity: number;
  private next = FIRST_ADDRESS;
  private readonly limit: number;
  private readonly shared: ReturnType<typeof reserveShared>;
  private paramsFor: SimParams | null = null;
  /** Where the kernel adds a year's tallies. */
  readonly cells: Float64Array;
  /**
   * Slots each per-slot column of a scenario holds, or null (whole population). A windowed
   * column is a view shifted down by its block's first slot, so code indexes it by the
   * population's slot while only the block's slots take memory.
   */
  readonly window: number | null;
  /** Windowed columns, in allocation order: address and element size. */
  private readonly records: { at: number; size: number }[] = [];
  /** While scenario columns are allocated: whether per-slot columns are windowed. */
  private windowing = false;
  /** Next record handed out again by a replayed allocation, or -1. */
  private replayAt = -1;
  private first = 0;
  private end = 0;
  /** Per-slot columns allocated so far (their page offsets are staggered). */
  private columns = 0;

  /**
   * An arena for `capacity` slots with `scenarioBytes` of scenario columns (ByteCounter), or
   * null when it would not fit in 4 GiB.
   */
  static create(
    module: WebAssembly.Module,
    capacity: number,
    scenarioBytes: number,
    scenarios: number,
    window: SlotWindow | null = null,
  ): KernelArena | null {
    const counter = new ByteCounter();
    counter.bytes = FIRST_ADDRESS;
    reserveShared(counter, capacity);
    for (let k = 0; k < scenarios; k++) reserveDescriptor(counter);
    // Windows start above capacity x 8 bytes, so that a view shifted down by its block's first
    // slot still starts inside the memory; those pages are never touched, so never resident.
    const shadow = window === null ? 0 : align8(capacity * 8);
    const pages = Math.ceil((counter.bytes + shadow + scenarioBytes) / WASM_PAGE);
    if (pages > MAX_PAGES) return null;
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const instance = new WebAssembly.Instance(module, {
      env: {
        memory,
        abort: () => {
          throw new Error("simulation kernel aborted");
        },
      },
      host: { exp: Math.exp, log: Math.log },
    });
    const kernel = instance.exports as unknown as KernelExports;
    return new KernelArena(memory, kernel, capacity, window?.slots ?? null);
  }

  private constructor(
    memory: WebAssembly.Memory,
    kernel: KernelExports,
    capacity: number,
    window: number | null,
  ) {
    this.memory = memory;
    this.kernel = kernel;
    this.capacity = capacity;
    this.window = window;
    this.limit = memory.buffer.byteLength;
    this.shared = reserveShared(this, capacity);
    this.shared.tables.forEach((view, k) => {
      view.set(TABLES[k][1]);
    });
    this.cells = this.shared.cells;
  }

  private take(bytes: number): number {
    const at = this.next;
    this.next += align8(bytes);
    if (this.next > this.limit) throw new RangeError("kernel arena overflow");
    return at;
  }
  /** Moves the next allocation to the next column's page offset (see STAGGER_FROM). */
  private stagger(): void {
    const target = (this.columns++ * STAGGER_LINES * 64) % PAGE;
    this.next += (target - (this.next % PAGE) + PAGE) % PAGE;
  }

  private view<T>(View: ViewOf<T>, n: number, size: number): T {
    if (!this.windowing || this.window === null || n !== this.capacity) {
      if (n >= STAGGER_FROM) this.stagger();
      return new View(this.memory.buffer, this.take(n * size), n);
    }
    let at: number;
    if (this.replayAt >= 0) at = this.records[this.replayAt++].at;
    else {
      this.next = Math.max(this.next, align8(this.capacity * 8));
      this.stagger();
      at = this.take(this.window * size);
      this.records.push({ at, size });
    }
    return new View(this.memory.buffer, at - this.first * size, this.end);
  }
  f64(n: number) {
    return this.view(Float64Array, n, 8);
  }
  f32(n: number) {
    return this.view(Float32Array, n, 4);
  }
  i32(n: number) {
    return this.view(Int32Array, n, 4);
  }
  u32(n: number) {
    return this.view(Uint32Array, n, 4);
  }
  u16(n: number) {
    return this.view(Uint16Array, n, 2);
  }
  u8(n: number) {
    return this.view(Uint8Array, n, 1);
  }

  /**
   * Runs `allocate` (a scenario's columns) with per-slot columns windowed, and returns the
   * records it took. With `replay` (from an earlier call) it hands out the same windows again,
   * as views for slots [start, end), zeroed: a block starts from empty slots, as a fresh arena
   * gives them.
   */
  scenarioColumns<T>(
    allocate: () => T,
    replay: readonly [number, number] | null = null,
    start = 0,
    end = this.window ?? this.capacity,
  ): { value: T; records: readonly [number, number] } {
    const from = replay === null ? this.records.length : replay[0];
    this.windowing = true;
    this.replayAt = replay === null ? -1 : replay[0];
    this.first = start;
    this.end = end;
    try {
      if (replay !== null) {
        for (let r = replay[0]; r < replay[1]; r++) {
          const { at, size } = this.records[r];
          new Uint8Array(this.memory.buffer, at, (this.window ?? 0) * size).fill(0);
        }
      }
      const value = allocate();
      const to = replay === null ? this.records.length : this.replayAt;
      if (replay !== null && to !== replay[1]) {
        throw new RangeError("a replayed scenario allocated other columns than the first time");
      }
      return { value, records: [from, to] };
    } finally {
      this.windowing = false;
      this.replayAt = -1;
    }
  }

  /** Writes the descriptor of a scenario allocated from this arena. */
  describe(s: ScenarioState, records: readonly [number, number] = [0, 0]): ScenarioKernel {
    const { slots: d, synthKeys } = reserveDescriptor(this);
    const k: ScenarioKernel = {
      arena: this,
      descriptor: d.byteOffset,
      slots: d,
      synthKeys,
      records,
    };
    this.addressColumns(s, k);
    return k;
  }

  /** Writes the column, table and constant addresses of `s` into its descriptor `k`. */
  addressColumns(s: ScenarioState, k: ScenarioKernel): void {
    const { slots: d, synthKeys } = k;
    const { tables, paramTables, constants } = this.shared;
    const columns: Partial<Record<Slot, ArrayBufferView>> = {
      ...(s.pop as unknown as Record<Slot, ArrayBufferView>),
      ...(s.effects as unknown as Record<Slot, ArrayBufferView>),
      born: s.born,
      staticIndex: s.staticIndex,
      cells: this.cells,
    };
    for (const name of KERNEL_SLOTS) {
      const col = columns[name];
      if (col) d[SLOT[name]] = this.address(col);
    }
    TABLES.forEach(([name], k) => {
      d[SLOT[name]] = tables[k].byteOffset;
    });
    PARAM_TABLES.forEach(([name], k) => {
      d[SLOT[name]] = paramTables[k].byteOffset;
    });
    d[SLOT.constants] = constants.byteOffset;
    d[SLOT.synthKeys] = synthKeys.byteOffset;
  }

  /** The address of a view on this arena's memory. */
  address(view: ArrayBufferView): number {
    if (view.buffer !== this.memory.buffer) throw new RangeError("view outside the kernel arena");
    return view.byteOffset;
  }

  /** Writes the parameter-dependent tables and constants, when `p` changed. */
  useParams(p: SimParams): void {
    if (this.paramsFor === p) return;
    const x: Prepared = { c: yearConstants(p), sc: synthConstants(p) };
    PARAM_TABLES.forEach(([name, get], k) => {
      const t = get(x);
      if (t.length > PARAM_TABLE_ROOM) throw new RangeError(`${name} longer than the arena allows`);
      this.shared.paramTables[k].set(t);
    });
    KERNEL_CONSTANTS.forEach((key, k) => {
      this.shared.constants[k] = this.constant(key, x);
    });
    this.paramsFor = p;
  }

  private constant(key: (typeof KERNEL_CONSTANTS)[number], { c, sc }: Prepared): number {
    if (key === "hazardLast") return c.hazardByAge.length - 1;
    if (key === "capacity") return this.capacity;
    if (key === "logMaxEmployees") return LOG_MAX_EMPLOYEES;
    if (key in c) return c[key as keyof YearConstants] as number;
    return sc[key as keyof SynthConstants] as number;
  }

  /** Writes the year's draw keys into descriptor `d`. */
  useYear(k: ScenarioKernel, rng: CounterRng, year: number): void {
    const d = k.slots;
    for (const [name, stream] of KEYS) d[SLOT[name]] = rng.key(year, stream);
    for (let s = 0; s < SYNTH_STREAMS; s++) k.synthKeys[s] = rng.key(year, STREAM.synth + s);
  }

  /**
   * Points descriptor `k`'s tally slots at `segment`, `segmentBorn`, `recipients`,
   * `baselineExporting` and `referenceRecipients` (arrays of another arena, or of the heap, are
   * copied over [start, end) first).
   */
  useTally(
    k: ScenarioKernel,
    segment: Uint8Array | null,
    segmentBorn: Uint8Array | null,
    recipients: Uint8Array | null,
    baselineExporting: Uint8Array | null,
    referenceRecipients: Uint8Array | null,
    start: number,
    end: number,
  ): void {
    const d = k.slots;
    const place = (slot: Slot, a: Uint8Array | null, copy: number) => {
      if (a === null) d[SLOT[slot]] = 0;
      else if (a.buffer === this.memory.buffer) d[SLOT[slot]] = a.byteOffset;
      else {
        const into = this.shared.foreign[copy];
        into.set(a.subarray(start, end), start);
        d[SLOT[slot]] = into.byteOffset;
      }
    };
    place("segment", segment, 0);
    place("recipients", recipients, 1);
    place("baselineExporting", baselineExporting, 2);
    place("referenceRecipients", referenceRecipients, 3);
    place("segmentBorn", segmentBorn, 4);
  }
}
