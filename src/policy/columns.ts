import type { Classifiers } from "./diagnosis.ts";
import type { SimPopulation } from "./hook.ts";
import type { FieldColumn, RuleColumns } from "./rule/compile.ts";
import { BARRIER_LEVELS, RULE_FIELDS } from "./rule/fields.ts";
import { SlotWindow } from "./slot-window.ts";

type Source = (pop: SimPopulation) => FieldColumn;

/** Codes of the yes/no rule levels; any other code reads as unknown. */
const PLANS_YES = 0;
const PLANS_NO = 1;
const PLANS_UNKNOWN = 2;

const num =
  (pick: (p: SimPopulation) => ArrayLike<number>): Source =>
  (p) => ({ kind: "number", values: pick(p) });
const code =
  (pick: (p: SimPopulation) => ArrayLike<number>): Source =>
  (p) => ({ kind: "code", codes: pick(p) });
const flag =
  (pick: (p: SimPopulation) => ArrayLike<number>): Source =>
  (p) => ({ kind: "flag", flags: pick(p) });

/**
 * Rule fields stored on the simulated population. Code columns share the vocabulary order of
 * RULE_FIELDS; yes/no attributes are 0/1 bytes. `age`, `position`, `state` and
 * `plans_to_export` are computed per year (see PopulationColumns); fields missing here
 * (resources_fungible) are not simulated.
 */
const STORED: Readonly<Record<string, Source>> = {
  barrier_attitudinal: num((p) => p.barrierAttitudinal),
  barrier_resource: num((p) => p.barrierResource),
  barrier_operational: num((p) => p.barrierOperational),
  barrier_strategic: num((p) => p.barrierStrategic),
  sunk_cost_concern: num((p) => p.sunkCostConcern),
  employees: num((p) => p.employees),
  founded: num((p) => p.founded),
  export_share: num((p) => p.exportShare),
  export_markets: num((p) => p.markets),
  sector: code((p) => p.sector),
  tech_intensity: code((p) => p.techIntensity),
  location: code((p) => p.location),
  home_economy: code((p) => p.homeEconomy),
  entrepreneur_type: code((p) => p.entrepreneurType),
  tradable: flag((p) => p.tradable),
  exports_now: flag((p) => p.exporting),
  export_gap: flag((p) => p.reentered),
  between_projects: flag((p) => p.suspended),
  prefers_control: flag((p) => p.prefersControl),
  large_firm_links: flag((p) => p.largeFirmLinks),
  client_pull: flag((p) => p.clientPull),
  partner_dependence: flag((p) => p.partnerDependence),
  cluster: flag((p) => p.cluster),
  incubator: flag((p) => p.incubator),
  founder_export_experience: flag((p) => p.founderExportExperience),
  founder_same_industry: flag((p) => p.founderSameIndustry),
};

const LEVEL_SOURCES: Readonly<Record<string, (p: SimPopulation) => Float32Array>> = {
  barrier_attitudinal_level: (p) => p.barrierAttitudinal,
  barrier_resource_level: (p) => p.barrierResource,
  barrier_operational_level: (p) => p.barrierOperational,
  barrier_strategic_level: (p) => p.barrierStrategic,
};

const DERIVED = new Set([
  "age",
  "position",
  "state",
  "plans_to_export",
  ...Object.keys(LEVEL_SOURCES),
]);

/** Rule fields a simulated population can answer. */
export const SIMULATED_FIELDS: readonly string[] = RULE_FIELDS.map((f) => f.name).filter(
  (name) => Object.hasOwn(STORED, name) || DERIVED.has(name),
);

/**
 * The population seen as rule columns for one year. `age` is filled lazily for the slots asked;
 * `position` and `state` codes are written by the diagnosis step into `position` / `state`.
 */
export class PopulationColumns implements RuleColumns {
  pop: SimPopulation | null = null;
  private levels = new Map<string, Uint8Array>();
  private readonly levelWindows = new Map<string, SlotWindow<Uint8Array>>();
  private readonly windows = {
    age: new SlotWindow(Float64Array),
    position: new SlotWindow(Uint8Array),
    state: new SlotWindow(Uint8Array),
    plans: new SlotWindow(Uint8Array),
  };
  private levelsDone = new Set<string>();

  /** `grade` turns a barrier score into the diagnose module's level (same thresholds). */
  constructor(private readonly grade: Classifiers["barrierLevel"]) {}

  year = 0;
  private age = new Float64Array(0);
  private ageRange: [number, number] = [0, 0];
  position = new Uint8Array(0);
  state = new Uint8Array(0);
  private plans = new Uint8Array(0);
  private plansDone = false;

  /** Points the view at a population, year and slot range. */
  bind(pop: SimPopulation, year: number, start: number, end: number): void {
    // Per-slot arrays for the range only (slot-window.ts); every one is rewritten before use.
    this.age = this.windows.age.view(pop.capacity, start, end);
    this.position = this.windows.position.view(pop.capacity, start, end);
    this.state = this.windows.state.view(pop.capacity, start, end);
    this.plans = this.windows.plans.view(pop.capacity, start, end);
    for (const [name, window] of this.levelWindows) {
      this.levels.set(name, window.view(pop.capacity, start, end));
    }
    this.pop = pop;
    this.year = year;
    const founded = pop.founded;
    const age = this.age;
    for (let i = start; i < end; i++) age[i] = year - founded[i];
    this.ageRange = [start, end];
    this.levelsDone.clear();
    this.plansDone = false;
  }

  /**
   * `plans_to_export` as the firm's profile answers it (simulated-profile.ts), as codes of the
   * yes/no levels: yes while exporting, else the intention a past exporter kept on leaving, and
   * unknown (an out-of-range code) for a firm that never exported. Filled once per bind.
   */
  private plansToExport(pop: SimPopulation): FieldColumn {
    if (!this.plansDone) {
      const { plans } = this;
      const { exporting, everExported, plansToExport } = pop;
      const [start, end] = this.ageRange;
      for (let i = start; i < end; i++) {
        plans[i] =
          exporting[i] === 1
            ? PLANS_YES
            : everExported[i] === 0
              ? PLANS_UNKNOWN
              : plansToExport[i] === 1
                ? PLANS_YES
                : PLANS_NO;
      }
      this.plansDone = true;
    }
    return { kind: "code", codes: this.plans };
  }

  /** Barrier level codes for the bound range, graded once per bind. */
  private level(name: string, pop: SimPopulation): FieldColumn {
    let codes = this.levels.get(name);
    if (codes === undefined) {
      const window = new SlotWindow(Uint8Array);
      this.levelWindows.set(name, window);
      codes = window.view(pop.capacity, ...this.ageRange);
      this.levels.set(name, codes);
      this.levelsDone.delete(name);
    }
    if (!this.levelsDone.has(name)) {
      const scores = LEVEL_SOURCES[name](pop);
      const [start, end] = this.ageRange;
      for (let i = start; i < end; i++) {
        const v = scores[i];
        const code = BARRIER_LEVELS.indexOf(this.grade(Number.isFinite(v) ? v : null) as "low");
        codes[i] = code < 0 ? BARRIER_LEVELS.length : code;
      }
      this.levelsDone.add(name);
    }
    return { kind: "code", codes };
  }

  column(name: string): FieldColumn | undefined {
    const pop = this.pop;
    if (pop === null) return undefined;
    if (name === "age") return { kind: "number", values: this.age };
    if (name === "position") return { kind: "code", codes: this.position };
    if (name === "state") return { kind: "code", codes: this.state };
    if (name === "plans_to_export") return this.plansToExport(pop);
    if (Object.hasOwn(LEVEL_SOURCES, name)) return this.level(name, pop);
    return Object.hasOwn(STORED, name) ? STORED[name](pop) : undefined;
  }

  /** Slots for which `age` is current. */
  get range(): readonly [number, number] {
    return this.ageRange;
  }
}
