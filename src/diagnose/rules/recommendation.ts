import type { Profile } from "../../firm/index.ts";
import {
  BARRIER_FAMILIES,
  type BarrierFamily,
  type Citation,
  FIRM_TRAITS,
  type Fit,
  type Instrument,
  type MarketFailure,
  type Perspective,
  POSITIONS,
  type PolicyTheme,
  type Position,
  STATES,
  type State,
} from "../../framework/index.ts";
import { TRAIT_READS } from "../firm-traits.ts";
import type { Context, ProfileField } from "../rule.ts";
import type { Compiled } from "./recommend.ts";

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
  /** The firm's medium or high barriers the instrument works on, and the market failures. */
  addresses: { barriers: readonly BarrierFamily[]; market_failures: readonly MarketFailure[] };
  /** Firms the instrument is not meant for, with the reason. */
  not_for: readonly Fit[];
}

/**
 * A recommendation whose explanation (`why`, `addresses`) is assembled on first read from the
 * bits recorded while scoring, so ranking a batch allocates one object per recommendation.
 * `toJSON()` gives the plain object.
 */
export class RecommendationRecord implements Recommendation {
  readonly instrument: Instrument;
  readonly label: string;
  readonly theme: PolicyTheme;
  readonly score: number;
  readonly fit: number;
  readonly confidence: number;
  readonly not_for: readonly Fit[];
  #c: Compiled;
  #mask: number;
  #barrierMask: number;
  #p: Profile;
  #ctx: Context;
  #why: Recommendation["why"] | undefined;

  constructor(
    c: Compiled,
    fit: number,
    confidence: number,
    mask: number,
    barrierMask: number,
    p: Profile,
    ctx: Context,
  ) {
    this.instrument = c.info.id;
    this.label = c.info.label;
    this.theme = c.info.policyTheme;
    this.score = fit * confidence;
    this.fit = fit;
    this.confidence = confidence;
    this.not_for = c.info.doesNotSuit;
    this.#c = c;
    this.#mask = mask;
    this.#barrierMask = barrierMask;
    this.#p = p;
    this.#ctx = ctx;
  }

  get why(): Recommendation["why"] {
    if (this.#why !== undefined) return this.#why;
    const c = this.#c;
    const ctx = this.#ctx;
    const matched: Fit[] = [];
    const facts: Record<string, unknown> = {};
    if (this.#mask & 1) {
      matched.push(c.suitPosition[POSITIONS.indexOf(ctx.position as Position)]!);
      facts.position = ctx.position;
    }
    if (this.#mask & 2) {
      matched.push(c.suitState[STATES.indexOf(ctx.state as State)]!);
      facts.state = ctx.state;
    }
    c.suitTraits.forEach((s) => {
      if (!(this.#mask & (4 << s.index))) return;
      matched.push(s.fit);
      for (const f of TRAIT_READS[FIRM_TRAITS[s.index]]) {
        facts[f] =
          f === "barrier_levels" ? ctx.barrier_levels.resource : this.#p[f as ProfileField];
      }
    });
    this.#why = {
      matched,
      facts,
      basis: c.info.basis,
      perspectives: c.info.perspectives,
      citations: c.info.citations,
    };
    return this.#why;
  }

  get addresses(): Recommendation["addresses"] {
    const barriers = BARRIER_FAMILIES.filter((_, i) => this.#barrierMask & (1 << i));
    return { barriers, market_failures: this.#c.info.marketFailures };
  }

  toJSON(): Recommendation {
    return {
      instrument: this.instrument,
      label: this.label,
      theme: this.theme,
      score: this.score,
      fit: this.fit,
      confidence: this.confidence,
      why: this.why,
      addresses: this.addresses,
      not_for: this.not_for,
    };
  }
}
