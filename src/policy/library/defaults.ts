import type { Instrument } from "../../framework/index.ts";
import type { EffectSpec } from "../programme.ts";

/**
 * Where a default comes from. `figure`: the number is a published estimate. `direction`: the
 * literature gives the sign or the margin the instrument works on, and the number is ours.
 * `assumption`: no published figure; chosen for a plausible order of magnitude.
 */
export interface DefaultSource {
  basis: "figure" | "direction" | "assumption";
  /** Author(s) and year, or "assumption". */
  ref: string;
  note: string;
}

export interface InstrumentDefaults {
  take_up: number;
  cost_per_firm: number;
  effects: EffectSpec[];
  sources: {
    take_up: DefaultSource;
    cost_per_firm: DefaultSource;
    effects: DefaultSource[];
  };
}

const ASSUMED_TAKE_UP: DefaultSource = {
  basis: "assumption",
  ref: "assumption",
  note: "share of eligible firms that apply in a year; no published take-up rate is used",
};

function cost(note: string): DefaultSource {
  return {
    basis: "assumption",
    ref: "assumption",
    note: `currency units per served firm: ${note}`,
  };
}

const LEDERMAN: DefaultSource = {
  basis: "direction",
  ref: "Lederman, Olarreaga & Payton (2010)",
  note:
    "export promotion agencies raise exports on average, with strong diminishing returns; the " +
    "gain is linked to easing information problems, so advice is modelled as lowering barriers",
};
const GORG: DefaultSource = {
  basis: "direction",
  ref: "Görg, Henry & Strobl (2008)",
  note:
    "grants, if large enough, help firms that already export but show little effect on " +
    "non-exporters starting to export: the entry offset is kept modest and an exporter's " +
    "fixed-cost offset is included",
};
const VOLPE: DefaultSource = {
  basis: "direction",
  ref: "Volpe Martincus & Carballo (2008)",
  note: "export promotion works mainly on the extensive margin (new markets and products)",
};
const BROOCKS: DefaultSource = {
  basis: "direction",
  ref: "Broocks & Van Biesebroeck (2017)",
  note: "trade missions and market visits help firms enter new export markets",
};
const MUNCH: DefaultSource = {
  basis: "direction",
  ref: "Munch & Schaur (2018)",
  note:
    "export promotion raised sales and value added, most for small firms, where the gain was " +
    "about three times the direct cost; used only as a check that effects are not outlandish",
};

function assumed(note: string): DefaultSource {
  return { basis: "assumption", ref: "assumption", note };
}

/**
 * Defaults for the instruments a programme can fund without stating every number. Effect units
 * are the simulation's (latent profit units on the logit scale of the export decision, barrier
 * points on the 1..5 scale, knowledge years, yearly probabilities). Numbers without a published
 * figure say so; none of the sizes below is a published estimate.
 */
export const INSTRUMENT_DEFAULTS: Partial<Record<Instrument, InstrumentDefaults>> = {
  information_advice: {
    take_up: 0.1,
    cost_per_firm: 1_000,
    effects: [{ kind: "barrier_reduction", size: 0.2, duration: 1 }],
    sources: {
      take_up: ASSUMED_TAKE_UP,
      cost_per_firm: cost("a few adviser days"),
      effects: [LEDERMAN, assumed("0.2 barrier points, a fifth of one step of the 1..5 scale")],
    },
  },
  market_scope_advice: {
    take_up: 0.1,
    cost_per_firm: 1_000,
    effects: [{ kind: "barrier_reduction", size: 0.2, duration: 1 }],
    sources: {
      take_up: ASSUMED_TAKE_UP,
      cost_per_firm: cost("a few adviser days"),
      effects: [LEDERMAN, assumed("as information and advice")],
    },
  },
  export_readiness_grant: {
    take_up: 0.3,
    cost_per_firm: 10_000,
    effects: [
      { kind: "sunk_cost_offset", size: 1.0, duration: 1 },
      { kind: "fixed_cost_offset", size: 0.25, duration: 2 },
    ],
    sources: {
      take_up: ASSUMED_TAKE_UP,
      cost_per_firm: cost("a matched grant towards market research, certification, travel"),
      effects: [
        GORG,
        assumed(
          "1.0 latent units, a sixth of the simulation's default sunk entry cost (6); 0.25 for two years",
        ),
      ],
    },
  },
  market_visit_support: {
    take_up: 0.2,
    cost_per_firm: 5_000,
    effects: [
      { kind: "sunk_cost_offset", size: 0.5, duration: 1 },
      { kind: "learning_boost", size: 0.5, duration: 1 },
    ],
    sources: {
      take_up: ASSUMED_TAKE_UP,
      cost_per_firm: cost("a subsidised place on a trade mission or fair"),
      effects: [
        BROOCKS,
        VOLPE,
        MUNCH,
        assumed("0.5 latent units of entry cost and half a knowledge year"),
      ],
    },
  },
  novice_mentoring: {
    take_up: 0.2,
    cost_per_firm: 3_000,
    effects: [{ kind: "mentoring_experience", size: 0.3, duration: 2 }],
    sources: {
      take_up: ASSUMED_TAKE_UP,
      cost_per_firm: cost("a mentor's time over two years"),
      effects: [
        {
          basis: "direction",
          ref: "Westhead, Wright & Ucbasaran (2001); Westhead et al. (2005)",
          note: "founders with export experience are more likely to export; the review suggests habitual exporters mentor novices",
        },
        assumed("30% a year chance, for two years, that the founder gains export experience"),
      ],
    },
  },
  large_firm_brokering: {
    take_up: 0.2,
    cost_per_firm: 4_000,
    effects: [{ kind: "link_probability", size: 0.25, duration: 1 }],
    sources: {
      take_up: ASSUMED_TAKE_UP,
      cost_per_firm: cost("broker's time and match-making events"),
      effects: [
        {
          basis: "direction",
          ref: "Acs, Morck, Shaver & Yeung (1997)",
          note: "larger firms can act as conduits that spare small firms the barriers of going abroad alone",
        },
        assumed(
          "a brokered link forms with probability 0.25 (25 times the simulation's organic rate)",
        ),
      ],
    },
  },
  piggyback_scheme: {
    take_up: 0.15,
    cost_per_firm: 6_000,
    effects: [
      { kind: "link_probability", size: 0.4, duration: 1 },
      { kind: "sunk_cost_offset", size: 0.5, duration: 1 },
    ],
    sources: {
      take_up: ASSUMED_TAKE_UP,
      cost_per_firm: cost("partner incentive and negotiation support"),
      effects: [
        {
          basis: "direction",
          ref: "Acs et al. (1997)",
          note: "indirect export through a larger firm's channels",
        },
        assumed("link probability 0.4 and 0.5 latent units of entry cost"),
      ],
    },
  },
  incubator_regional_support: {
    take_up: 0.3,
    cost_per_firm: 8_000,
    effects: [
      { kind: "learning_boost", size: 0.5, duration: 2 },
      { kind: "barrier_reduction", size: 0.1, duration: 1 },
    ],
    sources: {
      take_up: ASSUMED_TAKE_UP,
      cost_per_firm: cost("incubator place with international network"),
      effects: [
        {
          basis: "direction",
          ref: "Clarysse et al. (2005)",
          note: "incubators differ in the resources and networks they give",
        },
        assumed("half a knowledge year over two years, 0.1 barrier points"),
      ],
    },
  },
  informal_cooperation_cluster: {
    take_up: 0.2,
    cost_per_firm: 2_000,
    effects: [
      { kind: "link_probability", size: 0.1, duration: 1 },
      { kind: "barrier_reduction", size: 0.1, duration: 1 },
    ],
    sources: {
      take_up: ASSUMED_TAKE_UP,
      cost_per_firm: cost("cluster facilitation"),
      effects: [assumed("informal co-operation in clusters: small link and barrier effects")],
    },
  },
  inv_accelerator: {
    take_up: 0.3,
    cost_per_firm: 15_000,
    effects: [
      { kind: "learning_boost", size: 1.0, duration: 1 },
      { kind: "sunk_cost_offset", size: 1.0, duration: 2 },
    ],
    sources: {
      take_up: ASSUMED_TAKE_UP,
      cost_per_firm: cost("intensive programme for young knowledge-intensive firms"),
      effects: [
        {
          basis: "direction",
          ref: "Autio, Sapienza & Almeida (2000)",
          note: "early internationalizers learn faster",
        },
        assumed("one knowledge year and 1.0 latent units of entry cost for two years"),
      ],
    },
  },
  exit_reentry_counselling: {
    take_up: 0.2,
    cost_per_firm: 1_500,
    effects: [
      { kind: "learning_boost", size: 0.5, duration: 1 },
      { kind: "sunk_cost_offset", size: 0.5, duration: 2 },
    ],
    sources: {
      take_up: ASSUMED_TAKE_UP,
      cost_per_firm: cost("counselling sessions"),
      effects: [
        {
          basis: "direction",
          ref: "Crick (2004)",
          note: "withdrawn exporters differ by whether they intend to return",
        },
        assumed(
          "half a knowledge year (learning from the past spell) and 0.5 latent units off re-entry costs for two years",
        ),
      ],
    },
  },
};

/** Instruments with defaults, in INSTRUMENTS order. */
export function instrumentsWithDefaults(): Instrument[] {
  return Object.keys(INSTRUMENT_DEFAULTS) as Instrument[];
}
