import { OutwardError } from "../framework/index.ts";
import { PopulationColumns, SIMULATED_FIELDS } from "./columns.ts";
import { type Classifiers, DiagnosisCache, diagnoseClassifiers } from "./diagnosis.ts";
import type {
  InstrumentYearReport,
  PolicyHooks,
  PolicyYearReport,
  SimEffects,
  SimPopulation,
  SimYear,
} from "./hook.ts";
import { InstrumentRun } from "./instrument-run.ts";
import type { Dated, ProgrammeSystem } from "./programme.ts";
import { ruleFields } from "./rule/rule.ts";
import { SlotWindow } from "./slot-window.ts";

export interface PolicyHookOptions {
  /**
   * How position and state are classified for eligibility. Default: the diagnose module's
   * `classifyPosition` / `classifyState` with its `DEFAULT_PARAMS`, so a simulated firm is
   * targeted exactly as an adviser's diagnosis would place it.
   */
  classifiers?: Classifiers;
}

/** Everything the programmes of one system share in one thread: columns and diagnosis cache. */
export class SharedYear {
  readonly columns: PopulationColumns;
  readonly diagnosis: DiagnosisCache;
  /** Firms the system's budgets are written for; null = the simulated population. */
  budgetBasis: number | null = null;
  /** Firms some instrument of the programme being run found eligible (one byte per slot). */
  any = new Uint8Array(0);
  /** Scratch list of slots (candidates, then the eligible). */
  listed = new Int32Array(0);
  private readonly anyWindow = new SlotWindow(Uint8Array);
  private last = {
    pop: null as SimPopulation | null,
    seed: Number.NaN,
    replication: Number.NaN,
    year: Number.NaN,
    start: 0,
    end: 0,
    pass: undefined as number | undefined,
  };
  /**
   * Bumped whenever a new run starts: another population, another (seed, replication), another
   * range of slots or pass (SimYear.pass), or time going back (the runner moving on to the next
   * block of slots). The
   * programmes' per-slot state lasts one run: it is held for the run's slots only (SlotWindow).
   */
  run = 0;

  constructor(classifiers: Classifiers) {
    this.diagnosis = new DiagnosisCache(classifiers);
    this.columns = new PopulationColumns(classifiers.barrierLevel);
  }

  enter(ctx: SimYear, pop: SimPopulation): void {
    const last = this.last;
    const { seed, replication } = ctx.rng;
    const { start, end } = ctx;
    const sameRun =
      last.pop === pop &&
      last.seed === seed &&
      last.replication === replication &&
      last.start === start &&
      last.end === end &&
      last.pass === ctx.pass;
    if (!sameRun || ctx.year < last.year) {
      this.run++;
      this.any = this.anyWindow.view(pop.capacity, start, end);
      if (this.listed.length < end - start) this.listed = new Int32Array(end - start);
    }
    // Every programme of a scenario enters with the same year and range, and programmes do not
    // change the population's columns: classify and bind (ages, barrier levels) once for all.
    if (!sameRun || ctx.year !== last.year) {
      this.diagnosis.invalidate(pop.capacity, start, end);
      this.columns.bind(pop, ctx.year, start, end);
    }
    this.last = { pop, seed, replication, year: ctx.year, start, end, pass: ctx.pass };
  }
}

/** Fields the system's rules read that a simulated population does not carry. */
export function unsimulatedFields(
  system: ProgrammeSystem,
): { programme: string; instrument: string; field: string }[] {
  const out: { programme: string; instrument: string; field: string }[] = [];
  for (const p of system.programmes) {
    for (const inst of p.instruments) {
      const fields = [...ruleFields(inst.eligibility)];
      if (inst.rationing.rule === "priority")
        fields.push(...inst.rationing.score.map((t) => t.field));
      for (const field of fields) {
        if (!SIMULATED_FIELDS.includes(field))
          out.push({ programme: p.id, instrument: inst.id, field });
      }
    }
  }
  return out;
}

/**
 * The simulation hooks of a programme system: one per programme. Each call for a year and a
 * range decides eligibility (rules compiled once), take-up, rationing under the range's share
 * of the budget, and adds the effects of the support to the effect columns. Deterministic given
 * the run's counter-based generator.
 */
export function programmeHooks(
  system: ProgrammeSystem,
  options: PolicyHookOptions = {},
): PolicyHooks[] {
  const missing = unsimulatedFields(system);
  if (missing.length > 0) {
    throw new OutwardError(
      "unsimulated_field",
      `rules read fields the simulation does not carry: ${missing.map((m) => `${m.programme}/${m.instrument}: ${m.field}`).join("; ")}`,
      missing.map((m) => ({
        code: "unsimulated_field",
        field: m.field,
        message: `${m.programme}/${m.instrument} reads ${m.field}, which simulated firms do not have`,
        value: m.field,
        expected: `one of ${SIMULATED_FIELDS.join(", ")}`,
      })),
    );
  }
  const shared = new SharedYear(options.classifiers ?? diagnoseClassifiers());
  shared.budgetBasis = system.budget_basis_firms ?? null;
  return system.programmes.map((programme) => {
    const runs = programme.instruments.map((spec) => new InstrumentRun(programme, spec, shared));
    return {
      id: programme.id,
      sharesBudget: programme.instruments.some((spec) => hasBudget(spec.budget_per_year)),
      beforeDecision(ctx, pop, effects, recipients): PolicyYearReport {
        shared.enter(ctx, pop);
        const { start, end } = ctx;
        const any = shared.any;
        any.fill(0, start, end);
        const instruments: InstrumentYearReport[] = [];
        let spend = 0;
        let applicants = 0;
        let rationedOut = 0;
        let eligible = 0;
        let takeUp = 0;
        let allotted: number | null = 0;
        for (const run of runs) {
          const r = run.year(ctx, pop, effects as SimEffects, recipients, any);
          instruments.push(r);
          allotted = allotted === null || r.allotted === null ? null : allotted + r.allotted;
          spend += r.spend;
          applicants += r.applicants;
          rationedOut += r.rationedOut;
          eligible += run.newlyEligible;
          takeUp += run.newlyServed;
        }
        return {
          eligible,
          takeUp,
          spend,
          recipients,
          applicants,
          rationedOut,
          allotted,
          instruments,
        };
      },
    };
  });
}

/** Whether a budget is capped in any year. */
function hasBudget(budget: Dated<number | null>): boolean {
  if (typeof budget !== "object" || budget === null) return budget !== null;
  return Object.values(budget).some((v) => v !== null);
}
