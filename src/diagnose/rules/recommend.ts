import type { Profile } from "../../firm/index.ts";
import {
  BARRIER_FAMILIES,
  type BarrierFamily,
  type Citation,
  FIRM_TRAITS,
  type Fit,
  INSTRUMENT_INFO,
  INSTRUMENTS,
  type Instrument,
  type InstrumentInfo,
  type MarketFailure,
  type Perspective,
  POSITIONS,
  type PolicyTheme,
  STATES,
} from "../../framework/index.ts";
import { NO, UNKNOWN, YES } from "../facts.ts";
import { evaluateTraits, TRAIT_PARAMS, TRAIT_READS, traitValue } from "../firm-traits.ts";
import type { DiagnoseParams, ParamName } from "../params.ts";
import {
  type Context,
  type ContextField,
  confidenceFor,
  type ProfileField,
  type Rule,
} from "../rule.ts";
import { REFINEMENTS, type Refinement } from "./refinements.ts";

export interface Recommendation {
  instrument: Instrument;
  label: string;
  theme: PolicyTheme;
  /** fit × confidence, 0..1; the ranking key. */
  score: number;
  /** How many and how strong the reasons the instrument suits this firm are (noisy-or of weights). */
  fit: number;
  /** Falls with each unknown that could have ruled the instrument out. */
  confidence: number;
  why: {
    /** The framework's reasons that matched this firm (its position, state or traits). */
    matched: readonly Fit[];
    /** The firm's values behind those matches. */
    facts: Readonly<Record<string, unknown>>;
    /** The policy argument behind the instrument. */
    basis: string;
    perspectives: readonly Perspective[];
    citations: readonly Citation[];
  };
  addresses: { barriers: readonly BarrierFamily[]; market_failures: readonly MarketFailure[] };
  /** Firms the instrument is not meant for, with the reason. */
  not_for: readonly Fit[];
}

/** Weights of one matched reason (Outward convention): a position or state match counts most. */
export const FIT_WEIGHTS = {
  position: 0.5,
  state: 0.5,
  trait: 0.3,
  barrier_high: 0.15,
  barrier_medium: 0.05,
};

interface Compiled {
  info: InstrumentInfo;
  suitPosition: (Fit | undefined)[];
  suitState: (Fit | undefined)[];
  suitTraits: { index: number; fit: Fit }[];
  notPosition: boolean[];
  notState: boolean[];
  notTraits: number[];
  requires: number[];
  refinements: Refinement[];
  barriers: number[];
  /** Every trait the instrument consults, so a lone evaluation reads only what it declares. */
  traits: number[];
  rule: Rule<Recommendation | null>;
}

const traitIndex = (t: string) => FIRM_TRAITS.indexOf(t as (typeof FIRM_TRAITS)[number]);
const scratch = new Int8Array(FIRM_TRAITS.length);

function compile(info: InstrumentInfo): Compiled {
  const c: Compiled = {
    info,
    suitPosition: POSITIONS.map(() => undefined),
    suitState: STATES.map(() => undefined),
    suitTraits: [],
    notPosition: POSITIONS.map(() => false),
    notState: STATES.map(() => false),
    notTraits: [],
    requires: info.requires.map(traitIndex),
    refinements: REFINEMENTS.filter((r) => r.instrument === info.id),
    barriers: info.barriers.map((b) => BARRIER_FAMILIES.indexOf(b)),
    traits: [],
    rule: undefined as unknown as Rule<Recommendation | null>,
  };
  for (const fit of info.suits) {
    const t = fit.target;
    if (t.kind === "position") c.suitPosition[POSITIONS.indexOf(t.id)] = fit;
    else if (t.kind === "state") c.suitState[STATES.indexOf(t.id)] = fit;
    else c.suitTraits.push({ index: traitIndex(t.id), fit });
  }
  for (const fit of info.doesNotSuit) {
    const t = fit.target;
    if (t.kind === "position") c.notPosition[POSITIONS.indexOf(t.id)] = true;
    else if (t.kind === "state") c.notState[STATES.indexOf(t.id)] = true;
    else c.notTraits.push(traitIndex(t.id));
  }
  const traits = [
    ...info.requires,
    ...info.suits.flatMap((f) => (f.target.kind === "trait" ? [f.target.id] : [])),
    ...info.doesNotSuit.flatMap((f) => (f.target.kind === "trait" ? [f.target.id] : [])),
  ];
  c.traits = [...new Set(traits.map(traitIndex))];
  const reads = new Set<ProfileField | ContextField>(["position", "state", "barrier_levels"]);
  const params = new Set<ParamName>();
  for (const t of traits) {
    for (const f of TRAIT_READS[t]) reads.add(f);
    for (const n of TRAIT_PARAMS[t] ?? []) params.add(n);
  }
  for (const r of c.refinements) {
    for (const f of r.reads) reads.add(f);
    for (const n of r.params) params.add(n);
  }
  const isContext = (f: string): f is ContextField =>
    f === "position" || f === "state" || f === "barrier_levels";
  c.rule = {
    id: `recommend.${info.id}`,
    description: info.summary,
    reads: [...reads].filter((f): f is ProfileField => !isContext(f)),
    uses: [...reads].filter(isContext),
    params: [...params],
    references: info.citations,
    run: (p, prm, ctx) => {
      const own = new Int8Array(FIRM_TRAITS.length);
      for (const t of c.traits) own[t] = traitValue(FIRM_TRAITS[t], p, prm, ctx);
      return scoreInstrument(c, p, prm, ctx, own);
    },
  };
  return c;
}

const LEVEL_WEIGHT = {
  high: FIT_WEIGHTS.barrier_high,
  medium: FIT_WEIGHTS.barrier_medium,
  low: 0,
  unknown: 0,
};

/** One instrument against one firm; null when it does not suit (or is ruled out). */
function scoreInstrument(
  c: Compiled,
  p: Profile,
  params: DiagnoseParams,
  ctx: Context,
  traits: Int8Array,
): Recommendation | null {
  const pos = POSITIONS.indexOf(ctx.position as (typeof POSITIONS)[number]);
  const st = STATES.indexOf(ctx.state as (typeof STATES)[number]);
  if ((pos >= 0 && c.notPosition[pos]) || (st >= 0 && c.notState[st])) return null;
  let unknowns = 0;
  for (const t of c.requires) {
    if (traits[t] === NO) return null;
    if (traits[t] === UNKNOWN) unknowns++;
  }
  for (const t of c.notTraits) {
    if (traits[t] === YES) return null;
    if (traits[t] === UNKNOWN) unknowns++;
  }
  for (const r of c.refinements) {
    const v = r.test(p, params);
    if (v === NO) return null;
    if (v === UNKNOWN) unknowns++;
  }
  let miss = 1;
  const matched: Fit[] = [];
  const facts: Record<string, unknown> = {};
  const fp = pos >= 0 ? c.suitPosition[pos] : undefined;
  if (fp !== undefined) {
    miss *= 1 - FIT_WEIGHTS.position;
    matched.push(fp);
    facts.position = ctx.position;
  }
  const fs = st >= 0 ? c.suitState[st] : undefined;
  if (fs !== undefined) {
    miss *= 1 - FIT_WEIGHTS.state;
    matched.push(fs);
    facts.state = ctx.state;
  }
  for (const s of c.suitTraits) {
    if (traits[s.index] !== YES) continue;
    miss *= 1 - FIT_WEIGHTS.trait;
    matched.push(s.fit);
    for (const f of TRAIT_READS[FIRM_TRAITS[s.index]]) {
      facts[f] = f === "barrier_levels" ? ctx.barrier_levels.resource : p[f as ProfileField];
    }
  }
  if (matched.length === 0) return null;
  const barriers: BarrierFamily[] = [];
  for (const b of c.barriers) {
    const family = BARRIER_FAMILIES[b];
    const level = ctx.barrier_levels[family];
    if (level === "high" || level === "medium") {
      miss *= 1 - LEVEL_WEIGHT[level];
      barriers.push(family);
    }
  }
  const fit = 1 - miss;
  const confidence = confidenceFor(unknowns);
  const info = c.info;
  return {
    instrument: info.id,
    label: info.label,
    theme: info.policyTheme,
    score: fit * confidence,
    fit,
    confidence,
    why: {
      matched,
      facts,
      basis: info.basis,
      perspectives: info.perspectives,
      citations: info.citations,
    },
    addresses: { barriers, market_failures: info.marketFailures },
    not_for: info.doesNotSuit,
  };
}

const COMPILED: readonly Compiled[] = INSTRUMENTS.map((id) => compile(INSTRUMENT_INFO[id]));

/** One declared rule per instrument, for the trace and for the rules listing. */
export const RECOMMENDATION_RULES: readonly Rule<Recommendation | null>[] = COMPILED.map(
  (c) => c.rule,
);

function byScore(a: Recommendation, b: Recommendation): number {
  return b.score - a.score || INSTRUMENTS.indexOf(a.instrument) - INSTRUMENTS.indexOf(b.instrument);
}

/**
 * Ranked recommendations: every instrument of the framework is tested against the firm's
 * position, state, traits and barriers; those that suit it are ranked by score. The evaluation
 * loop is shared by the fast path and the traced path (`each`, when given, wraps each rule).
 */
export function recommend(
  p: Profile,
  params: DiagnoseParams,
  ctx: Context,
  each?: (rule: Rule<Recommendation | null>) => Recommendation | null,
): Recommendation[] {
  const traits = evaluateTraits(p, params, ctx, scratch);
  const out: Recommendation[] = [];
  for (let i = 0; i < COMPILED.length; i++) {
    const c = COMPILED[i];
    const r = each ? each(c.rule) : scoreInstrument(c, p, params, ctx, traits);
    if (r !== null) out.push(r);
  }
  return out.sort(byScore);
}
