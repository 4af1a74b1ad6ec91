import type { Profile } from "../../firm/index.ts";
import {
  BARRIER_FAMILIES,
  FIRM_TRAITS,
  type Fit,
  INSTRUMENT_INFO,
  INSTRUMENTS,
  type InstrumentInfo,
  POSITIONS,
  type Position,
  STATES,
  type State,
} from "../../framework/index.ts";
import { NO, UNKNOWN } from "../facts.ts";
import { evaluateTraits, TRAIT_PARAMS, TRAIT_READS } from "../firm-traits.ts";
import type { DiagnoseParams, ParamName } from "../params.ts";
import {
  type Context,
  type ContextField,
  confidenceFor,
  type ProfileField,
  type Rule,
} from "../rule.ts";
import { type Recommendation, RecommendationRecord } from "./recommendation.ts";
import { REFINEMENTS, type Refinement } from "./refinements.ts";

export type { Recommendation };

/** Weights of one matched reason (Outward convention): a position or state match counts most. */
export const FIT_WEIGHTS = {
  position: 0.5,
  state: 0.5,
  trait: 0.3,
  barrier_high: 0.15,
  barrier_medium: 0.05,
};

export interface Compiled {
  info: InstrumentInfo;
  /** The framework's fits by position / state index, for explanations. */
  suitPosition: (Fit | undefined)[];
  suitState: (Fit | undefined)[];
  suitTraits: { index: number; fit: Fit }[];
  // Bit sets over POSITIONS, STATES, FIRM_TRAITS and BARRIER_FAMILIES indices.
  suitPositionBits: number;
  suitStateBits: number;
  suitTraitBits: number;
  notPositionBits: number;
  notStateBits: number;
  notTraitBits: number;
  requiresBits: number;
  barrierBits: number;
  /** Every trait the instrument consults, so a lone evaluation reads only what it declares. */
  traitBits: number;
  refinements: Refinement[];
  rule: Rule<Recommendation | null>;
}

const traitIndex = (t: string) => FIRM_TRAITS.indexOf(t as (typeof FIRM_TRAITS)[number]);
const bits = (indices: readonly number[]) => indices.reduce((m, i) => m | (1 << i), 0);
const ALL_TRAITS = (1 << FIRM_TRAITS.length) - 1;

function compile(info: InstrumentInfo): Compiled {
  const targets = (fits: readonly Fit[], kind: "position" | "state" | "trait") =>
    fits.flatMap((f) => (f.target.kind === kind ? [f.target.id as string] : []));
  const suitTraitIds = targets(info.suits, "trait");
  const notTraitIds = targets(info.doesNotSuit, "trait");
  const c: Compiled = {
    info,
    suitPosition: POSITIONS.map((id) =>
      info.suits.find((f) => f.target.kind === "position" && f.target.id === id),
    ),
    suitState: STATES.map((id) =>
      info.suits.find((f) => f.target.kind === "state" && f.target.id === id),
    ),
    suitTraits: info.suits.flatMap((fit) =>
      fit.target.kind === "trait" ? [{ index: traitIndex(fit.target.id), fit }] : [],
    ),
    suitPositionBits: bits(
      targets(info.suits, "position").map((id) => POSITIONS.indexOf(id as Position)),
    ),
    suitStateBits: bits(targets(info.suits, "state").map((id) => STATES.indexOf(id as State))),
    suitTraitBits: bits(suitTraitIds.map(traitIndex)),
    notPositionBits: bits(
      targets(info.doesNotSuit, "position").map((id) => POSITIONS.indexOf(id as Position)),
    ),
    notStateBits: bits(targets(info.doesNotSuit, "state").map((id) => STATES.indexOf(id as State))),
    notTraitBits: bits(notTraitIds.map(traitIndex)),
    requiresBits: bits(info.requires.map(traitIndex)),
    barrierBits: bits(info.barriers.map((b) => BARRIER_FAMILIES.indexOf(b))),
    traitBits: bits([...info.requires, ...suitTraitIds, ...notTraitIds].map(traitIndex)),
    refinements: REFINEMENTS.filter((r) => r.instrument === info.id),
    rule: undefined as unknown as Rule<Recommendation | null>,
  };
  const reads = new Set<ProfileField | ContextField>(["position", "state", "barrier_levels"]);
  const params = new Set<ParamName>();
  for (const t of FIRM_TRAITS.filter((_, i) => c.traitBits & (1 << i))) {
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
      const t = evaluateTraits(p, prm, ctx, c.traitBits);
      return scoreInstrument(c, p, prm, ctx, t.yes, t.unknown, indices(ctx), levelBits(ctx));
    },
  };
  return c;
}

// Multiplicative "miss" factors of the noisy-or fit, by number of matches.
const pow = (w: number) => Array.from({ length: 17 }, (_, n) => (1 - w) ** n);
const TRAIT_MISS = pow(FIT_WEIGHTS.trait);
const HIGH_MISS = pow(FIT_WEIGHTS.barrier_high);
const MEDIUM_MISS = pow(FIT_WEIGHTS.barrier_medium);

function popcount(x: number): number {
  let n = 0;
  while (x !== 0) {
    x &= x - 1;
    n++;
  }
  return n;
}

const POSITION_INDEX = Object.fromEntries(POSITIONS.map((p, i) => [p, i]));
const STATE_INDEX = Object.fromEntries(STATES.map((s, i) => [s, i]));
/** Position index in the low byte, state index in the next; -1 (255) when undetermined. */
function indices(ctx: Context): number {
  const pos = POSITION_INDEX[ctx.position] ?? 255;
  const st = STATE_INDEX[ctx.state] ?? 255;
  return pos | (st << 8);
}
/** High-barrier families in the low nibble, medium ones in the next. */
function levelBits(ctx: Context): number {
  let out = 0;
  for (let i = 0; i < BARRIER_FAMILIES.length; i++) {
    const level = ctx.barrier_levels[BARRIER_FAMILIES[i]];
    if (level === "high") out |= 1 << i;
    else if (level === "medium") out |= 16 << i;
  }
  return out;
}

// Why the last instrument scored was ruled out; read only by the traced path, so the fast
// path pays a couple of stores (no string building) per exclusion.
let lastExclusion = "";
let lastExclusionDetail = "";
let lastExclusionTraits = 0;

/** Why the instrument most recently scored returned null, in words, for the trace. */
export function lastExclusionReason(): string {
  if (
    lastExclusion === "not for position" ||
    lastExclusion === "not for state" ||
    lastExclusion === "fails"
  ) {
    return `${lastExclusion} ${lastExclusionDetail}`;
  }
  if (lastExclusion !== "requires trait" && lastExclusion !== "not for trait") return lastExclusion;
  const traits = FIRM_TRAITS.filter((_, i) => lastExclusionTraits & (1 << i));
  return `${lastExclusion} ${traits.join(", ")}`;
}

/**
 * One instrument against one firm; null when it does not suit (or is ruled out). Traits come
 * as bit sets (yes, unknown; the rest are no), so the whole test is a few mask operations.
 */
function scoreInstrument(
  c: Compiled,
  p: Profile,
  params: DiagnoseParams,
  ctx: Context,
  yes: number,
  unknown: number,
  posState: number,
  levels: number,
): Recommendation | null {
  const pos = posState & 255;
  const st = posState >> 8;
  const posBit = pos === 255 ? 0 : 1 << pos;
  const stBit = st === 255 ? 0 : 1 << st;
  if (c.notPositionBits & posBit || c.notStateBits & stBit) {
    lastExclusion =
      c.notPositionBits & posBit
        ? `not for position ${ctx.position}`
        : `not for state ${ctx.state}`;
    return null;
  }
  const no = ALL_TRAITS & ~(yes | unknown);
  if (c.requiresBits & no || c.notTraitBits & yes) {
    lastExclusion = c.requiresBits & no ? "requires trait" : "not for trait";
    lastExclusionTraits = c.requiresBits & no ? c.requiresBits & no : c.notTraitBits & yes;
    return null;
  }
  let unknowns = popcount((c.requiresBits | c.notTraitBits) & unknown);
  for (let i = 0; i < c.refinements.length; i++) {
    const v = c.refinements[i].test(p, params);
    if (v === NO) {
      lastExclusion = "fails";
      lastExclusionDetail = c.refinements[i].id;
      return null;
    }
    if (v === UNKNOWN) unknowns++;
  }
  const traitMatches = c.suitTraitBits & yes;
  let mask = traitMatches << 2;
  let miss = TRAIT_MISS[popcount(traitMatches)];
  if (c.suitPositionBits & posBit) {
    miss *= 1 - FIT_WEIGHTS.position;
    mask |= 1;
  }
  if (c.suitStateBits & stBit) {
    miss *= 1 - FIT_WEIGHTS.state;
    mask |= 2;
  }
  if (mask === 0) {
    lastExclusion = "no position, state or trait it suits";
    return null;
  }
  const high = c.barrierBits & levels;
  const medium = c.barrierBits & (levels >> 4);
  miss *= HIGH_MISS[popcount(high)] * MEDIUM_MISS[popcount(medium)];
  return new RecommendationRecord(
    c,
    1 - miss,
    confidenceFor(unknowns),
    mask,
    high | medium,
    p,
    ctx,
  );
}

const COMPILED: readonly Compiled[] = INSTRUMENTS.map((id) => compile(INSTRUMENT_INFO[id]));

/** One declared rule per instrument, for the trace and for the rules listing. */
export const RECOMMENDATION_RULES: readonly Rule<Recommendation | null>[] = COMPILED.map(
  (c) => c.rule,
);

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
  const t = evaluateTraits(p, params, ctx, ALL_TRAITS);
  const yes = t.yes;
  const unknown = t.unknown;
  const posState = indices(ctx);
  const levels = levelBits(ctx);
  const out: Recommendation[] = [];
  for (let i = 0; i < COMPILED.length; i++) {
    const c = COMPILED[i];
    const r = each
      ? each(c.rule)
      : scoreInstrument(c, p, params, ctx, yes, unknown, posState, levels);
    if (r === null) continue;
    // Insertion sort: a handful of results, already in instrument order for ties.
    let j = out.length;
    out.push(r);
    while (j > 0 && out[j - 1].score < r.score) {
      out[j] = out[j - 1];
      j--;
    }
    out[j] = r;
  }
  return out;
}
