import type { SharedYear } from "./apply.ts";
import type {
  BudgetSplit,
  InstrumentYearReport,
  SimEffects,
  SimPopulation,
  SimYear,
} from "./hook.ts";
import { POLICY_STREAM_BASE } from "./hook.ts";
import {
  activeIn,
  type EffectKind,
  type InstrumentSpec,
  ONE_OFF_KINDS,
  type Programme,
  valueAt,
} from "./programme.ts";
import { ration } from "./ration.ts";
import { type CompiledRule, compileRule } from "./rule/compile.ts";
import { ruleField } from "./rule/fields.ts";
import { SlotWindow } from "./slot-window.ts";

const COLUMN: Readonly<Record<EffectKind, keyof SimEffects>> = {
  sunk_cost_offset: "sunkCostOffset",
  fixed_cost_offset: "fixedCostOffset",
  barrier_reduction: "barrierReduction",
  learning_boost: "learningBoost",
  link_probability: "linkProbability",
  mentoring_experience: "mentoringExperience",
};
const PROBABILITY = new Set<EffectKind>(["link_probability", "mentoring_experience"]);

/** FNV-1a over the ids: an instrument's streams do not move when other programmes change. */
function streamOf(programme: string, instrument: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${programme}/${instrument}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return POLICY_STREAM_BASE + ((h >>> 0) % 500_000) * 2;
}

/** Adds one year's worth of an effect, combining probabilities as independent chances. */
function add(effects: SimEffects, kind: EffectKind, slot: number, amount: number): void {
  const col = effects[COLUMN[kind]];
  if (PROBABILITY.has(kind))
    col[slot] = 1 - (1 - col[slot]) * (1 - Math.min(1, Math.max(0, amount)));
  else col[slot] += amount;
}

/**
 * Keeps the entries of `list[0..count)` whose slot was not served in its current generation
 * (once-per-firm support), in order; returns how many are kept.
 */
function dropServed(
  list: Int32Array,
  count: number,
  servedGen: Int32Array,
  generation: Int32Array,
): number {
  let n = 0;
  for (let k = 0; k < count; k++) {
    const i = list[k];
    list[n] = i;
    n += servedGen[i] !== generation[i] ? 1 : 0;
  }
  return n;
}

/**
 * One instrument of one programme over a run: its compiled rule, its two RNG streams and the
 * memory a run needs (who was served, for once-per-firm support; the grants still acting),
 * keyed by the slot's generation so a newborn firm in a recycled slot starts afresh.
 */
export class InstrumentRun {
  private readonly rule: CompiledRule;
  private readonly takeUpStream: number;
  private readonly orderStream: number;
  private readonly longest: number;
  private readonly scoreNeedsDiagnosis: boolean;
  private run = -1;
  private servedGen = new Int32Array(0);
  private readonly servedWindow = new SlotWindow(Int32Array);
  /**
   * Support lasting beyond its first year, one entry per grant: the slot, the generation of the
   * firm in it, the year it was served and its pro-rata share. `continuing` walks these instead
   * of the block (most firms never hold running support). A firm served again holds two
   * entries, and both act until each one's duration ends.
   */
  private lastingSlots = new Int32Array(0);
  private lastingGen = new Int32Array(0);
  private lastingSince = new Int32Array(0);
  private lastingShare = new Float64Array(0);
  private lastingCount = 0;
  private slots = new Int32Array(0);
  private draws = new Float64Array(0);
  private scores = new Float64Array(0);
  private weights = new Float64Array(0);
  private order = new Int32Array(0);
  /**
   * Firms the last `year` call marked in `any` / `recipients` that no earlier instrument of the
   * programme had marked: the programme counts its firms from these, without a pass of its own.
   */
  newlyEligible = 0;
  newlyServed = 0;

  constructor(
    private readonly programme: Programme,
    private readonly spec: InstrumentSpec,
    private readonly shared: SharedYear,
  ) {
    this.rule = compileRule(spec.eligibility);
    this.scoreNeedsDiagnosis =
      spec.rationing.rule === "priority" &&
      spec.rationing.score.some((t) => ruleField(t.field)?.deferred === true);
    this.takeUpStream = streamOf(programme.id, spec.id);
    this.orderStream = this.takeUpStream + 1;
    this.longest = Math.max(1, ...spec.effects.map((e) => e.duration));
  }

  private reset(capacity: number, start: number, end: number): void {
    this.run = this.shared.run;
    if (this.spec.once_per_firm) {
      this.servedGen = this.servedWindow.view(capacity, start, end);
      this.servedGen.fill(-1, start, end);
    }
    this.lastingCount = 0;
  }

  /** Records a grant to slot `i` (its firm of generation `gen`) in `year` that lasts. */
  private lasting(i: number, gen: number, year: number, share: number): void {
    const n = this.lastingCount;
    if (n === this.lastingSlots.length) {
      const size = Math.max(1024, 2 * n);
      const grow = <T extends Int32Array | Float64Array>(from: T, to: T): T => {
        to.set(from);
        return to;
      };
      this.lastingSlots = grow(this.lastingSlots, new Int32Array(size));
      this.lastingGen = grow(this.lastingGen, new Int32Array(size));
      this.lastingSince = grow(this.lastingSince, new Int32Array(size));
      this.lastingShare = grow(this.lastingShare, new Float64Array(size));
    }
    this.lastingSlots[n] = i;
    this.lastingGen[n] = gen;
    this.lastingSince[n] = year;
    this.lastingShare[n] = share;
    this.lastingCount = n + 1;
  }

  /**
   * This range's part of a yearly budget in whole grants. The national budget pays for G whole
   * grants; the ranges split them by systematic rounding of their cumulative weight shares with
   * one uniform draw u per instrument and year: a range gets floor(G x through + u) -
   * floor(G x before + u) grants, its share of G rounded up or down. The parts add up to G
   * exactly, so nothing is lost to each range's remainder and the budget is never exceeded, and
   * a grant dearer than a range's share is still given somewhere. Thread-independent: the draw
   * and the shares do not depend on which thread runs which range.
   */
  private wholeGrants(money: number, ctx: SimYear, cost: number, split: BudgetSplit): number {
    const unit = cost * split.meanWeight;
    // The unit is a grant at the mean weight, a quotient of a float sum: its rounding can leave
    // a budget of exactly G grants a hair short of G, so a grant within the rounding counts.
    const exact = money / unit;
    const grants = Math.floor(exact + exact * split.roundoff);
    // A draw no slot uses (slots are 0 and up) on the order stream's key.
    const u = ctx.rng.uniform(ctx.rng.key(ctx.year, this.orderStream), -1);
    const part = Math.floor(grants * split.through + u) - Math.floor(grants * split.before + u);
    return part * unit;
  }

  /**
   * Room for `n` applicants in the per-year scratch: sized by the eligible firms a year has, not
   * by the population (four arrays per instrument and slot were most of a large run's heap).
   */
  private applicantRoom(n: number): void {
    if (this.slots.length >= n) return;
    const size = Math.max(n, 2 * this.slots.length, 1024);
    this.slots = new Int32Array(size);
    this.draws = new Float64Array(size);
    this.scores = new Float64Array(size);
    this.weights = new Float64Array(size);
    this.order = new Int32Array(size);
  }

  /**
   * Effects of support given in earlier years that are still running. Each slot's effects are
   * its own sums, so walking the grants in the order they were made adds the same amounts as a
   * walk of the block. Grants that can no longer act (ended, or the firm died and its slot may
   * hold a newborn) are dropped.
   */
  private continuing(year: number, pop: SimPopulation, effects: SimEffects) {
    if (this.longest <= 1) return;
    const { longest, lastingSlots, lastingGen, lastingSince, lastingShare } = this;
    const { generation, alive } = pop;
    let kept = 0;
    for (let k = 0; k < this.lastingCount; k++) {
      const i = lastingSlots[k];
      const gen = lastingGen[k];
      const served = lastingSince[k];
      const share = lastingShare[k];
      if (gen !== generation[i] || alive[i] === 0) continue;
      const age = year - served;
      if (age >= longest) continue;
      lastingSlots[kept] = i;
      lastingGen[kept] = gen;
      lastingSince[kept] = served;
      lastingShare[kept] = share;
      kept++;
      if (age <= 0) continue;
      for (const e of this.spec.effects) {
        if (age >= e.duration) continue;
        add(effects, e.kind, i, (ONE_OFF_KINDS.has(e.kind) ? e.size / e.duration : e.size) * share);
      }
    }
    this.lastingCount = kept;
  }

  year(
    ctx: SimYear,
    pop: SimPopulation,
    effects: SimEffects,
    recipients: Uint8Array,
    any: Uint8Array,
  ): InstrumentYearReport {
    const { spec, shared } = this;
    if (this.run !== shared.run) this.reset(pop.capacity, ctx.start, ctx.end);
    const { year, start, end, rng } = ctx;
    this.continuing(year, pop, effects);
    const report: InstrumentYearReport = {
      programme: this.programme.id,
      instrument: spec.id,
      eligible: 0,
      applicants: 0,
      takeUp: 0,
      rationedOut: 0,
      spend: 0,
      budget: null,
      allotted: 0,
      share: 1,
    };
    const cost = valueAt(spec.cost_per_firm, year);
    const cap = valueAt(spec.budget_per_year, year);
    this.newlyEligible = 0;
    this.newlyServed = 0;
    if (!activeIn(this.programme, spec, year) || cost === undefined) return report;
    const basis = shared.budgetBasis;
    let budget: number | null = null;
    report.allotted = null;
    if (cap !== undefined && cap !== null) {
      const { split } = ctx;
      const populationWeight = split?.populationWeight ?? ctx.rangeWeight / ctx.budgetShare;
      // The national money from the budget as written, not from the block's part.
      const money = basis === null ? cap : (cap * populationWeight) / basis;
      report.allotted = money;
      if (split !== undefined && spec.rationing.rule !== "pro_rata" && cost > 0) {
        budget = this.wholeGrants(money, ctx, cost, split);
      } else {
        budget = basis === null ? cap * ctx.budgetShare : (cap * ctx.rangeWeight) / basis;
      }
    }
    report.budget = budget;

    // Who may be considered: alive, and not already served when support is once per firm
    // (checked on the rule's list, which is shorter than the block).
    const { listed, columns } = shared;
    const { alive, generation } = pop;
    const once = spec.once_per_firm;
    let eligibleCount: number;
    if (this.rule.needsDiagnosis) {
      // Diagnose only firms the profile fields have not already ruled out, then decide those.
      let n = this.rule.select(columns, start, end, alive, listed, "possible");
      if (once) n = dropServed(listed, n, this.servedGen, generation);
      shared.diagnosis.fillList(pop, year, listed, n, columns.position, columns.state);
      eligibleCount = this.rule.selectFrom(columns, listed, n, listed, "true");
    } else {
      eligibleCount = this.rule.select(columns, start, end, alive, listed, "true");
      if (once) eligibleCount = dropServed(listed, eligibleCount, this.servedGen, generation);
    }

    // Take-up: each eligible firm applies with probability take_up (its own draw).
    this.applicantRoom(eligibleCount);
    const takeKey = rng.key(year, this.takeUpStream);
    const orderKey = rng.key(year, this.orderStream);
    const { slots, draws, scores, weights } = this;
    const weight = pop.weight;
    let count = 0;
    let newlyEligible = 0;
    let unweighted = true;
    const takeUp = spec.take_up;
    for (let k = 0; k < eligibleCount; k++) {
      const i = listed[k];
      newlyEligible += 1 - any[i];
      any[i] = 1;
      if (rng.uniform(takeKey, i) < takeUp) {
        slots[count] = i;
        draws[count] = rng.uniform(orderKey, i);
        weights[count] = weight[i];
        unweighted &&= weight[i] === 1;
        count++;
      }
    }
    report.eligible = eligibleCount;
    this.newlyEligible = newlyEligible;
    report.applicants = count;
    const priority = spec.rationing.rule === "priority" ? spec.rationing.score : null;
    if (priority) {
      // A score over position or state needs the applicants diagnosed, whether or not the
      // eligibility rule read them (the columns hold no diagnosis for other firms).
      if (this.scoreNeedsDiagnosis) {
        shared.diagnosis.fillList(pop, year, slots, count, columns.position, columns.state);
      }
      this.score(priority, count);
    }
    const result = ration(
      {
        slots,
        count,
        draws,
        scores: priority ? scores : null,
        cost,
        weights: unweighted ? null : weights,
        budget,
        proRata: spec.rationing.rule === "pro_rata",
      },
      this.order,
    );
    report.takeUp = result.servedCount;
    report.rationedOut = count - result.servedCount;
    report.spend = result.spend;
    report.share = result.share;
    let newlyServed = 0;
    const lasting = this.longest > 1;
    for (let k = 0; k < result.servedCount; k++) {
      const i = slots[result.served[k]];
      newlyServed += 1 - recipients[i];
      recipients[i] = 1;
      if (once) this.servedGen[i] = pop.generation[i];
      if (lasting) this.lasting(i, pop.generation[i], year, result.share);
      // Money for the w firms a weighted applicant stands for (w = 1 for synthetic firms).
      effects.spend[i] += cost * result.share * weight[i];
      for (const e of spec.effects) {
        add(
          effects,
          e.kind,
          i,
          (ONE_OFF_KINDS.has(e.kind) ? e.size / e.duration : e.size) * result.share,
        );
      }
    }
    this.newlyServed = newlyServed;
    return report;
  }

  /** Priority score of each applicant: Σ weight × value; NaN when any value is unknown. */
  private score(terms: readonly { field: string; weight: number }[], count: number): void {
    const { scores, slots } = this;
    const cols = this.shared.columns;
    scores.fill(0, 0, count);
    for (const term of terms) {
      const col = cols.column(term.field);
      const levels = ruleField(term.field)?.levels?.length ?? 0;
      for (let k = 0; k < count; k++) {
        const i = slots[k];
        let v: number;
        if (col === undefined) v = Number.NaN;
        else if (col.kind === "number") v = col.values[i];
        else if (col.kind === "code")
          v = col.codes[i] >= 0 && col.codes[i] < levels ? col.codes[i] : Number.NaN;
        else v = col.flags[i];
        scores[k] += term.weight * v;
      }
    }
  }
}
