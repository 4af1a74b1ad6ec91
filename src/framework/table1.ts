/**
 * Table 1 of the review: what each of the five perspectives predicts for each of the six
 * propositions, as typed data. Two cells are blank in the review (P4 under internalization, P5
 * under stage theory); they stay `empty` and are never filled with a guess.
 */
import { type Citation, cite } from "./citations.ts";
import type { ConditionId } from "./conditions.ts";
import type { Perspective, Proposition, Tri } from "./vocabulary.ts";
import { PERSPECTIVES, PROPOSITIONS } from "./vocabulary.ts";

export type Answer = "yes" | "no";

/** How a perspective arrives at something other than a yes or no. */
export const PATTERNS = {
  unilinear: "Internationalization moves one way, step by step; once begun it carries on.",
  low_to_high_control:
    "Firms start with low-control modes and move to higher-control ones as experience and commitment grow.",
  restricted_domestic_market:
    "A narrow home market pushes the firm abroad instead of feeding it resources.",
  middle_range_control:
    "Joint ventures give access to a partner's resources with control shared between the parties.",
} as const;
export type PatternId = keyof typeof PATTERNS;

export type UnitOfAnalysis = "firm" | "transaction" | "entrepreneur" | "network";

/**
 * A cell's prediction.
 * - yes / no: the perspective answers the proposition outright.
 * - possibly: yes when the cell's condition holds; the perspective offers no route otherwise (read as no).
 * - depends: the answer when the cell's condition holds and when it does not.
 * - pattern: a path or mechanism; `whenHolds`/`whenNot` give a yes/no reading when the pattern
 *   turns on the cell's condition, `answer` a fixed one; with neither, the cell explains but does not
 *   answer, and its condition (if any) says whether the pattern fits the firm.
 * - unit: the P6 row, naming the unit(s) of analysis.
 * - empty: the review leaves the cell blank.
 */
export type Prediction =
  | { kind: "yes" }
  | { kind: "no" }
  | { kind: "possibly" }
  | { kind: "depends"; whenHolds: Answer; whenNot: Answer }
  | { kind: "pattern"; pattern: PatternId; answer?: Answer; whenHolds?: Answer; whenNot?: Answer }
  | { kind: "unit"; units: readonly UnitOfAnalysis[] }
  | { kind: "empty" };
export type PredictionKind = Prediction["kind"];

export interface Table1Cell {
  proposition: Proposition;
  perspective: Perspective;
  prediction: Prediction;
  /** Sources for the cell; empty only for cells the review leaves blank, which claim nothing. */
  citations: readonly Citation[];
  /** The firm fact the answer hinges on (set for possibly, depends and conditional patterns). */
  condition?: ConditionId;
  /** Further factors the cell names that shade the answer without deciding it. */
  moderators: readonly ConditionId[];
  /** The cell in our own words. */
  summary: string;
  /**
   * How the yes/no mapping of a conditional cell was derived, where the review names the factor
   * but not which way it cuts. Absent when the cell itself says which way.
   */
  reading?: string;
}

const YES = { kind: "yes" } as const;
const NO = { kind: "no" } as const;
const EMPTY = { kind: "empty" } as const;
const depends = (whenHolds: Answer, whenNot: Answer): Prediction => ({
  kind: "depends",
  whenHolds,
  whenNot,
});
const unit = (...units: UnitOfAnalysis[]): Prediction => ({ kind: "unit", units });

type CellData = Omit<Table1Cell, "proposition" | "perspective" | "moderators"> & {
  moderators?: readonly ConditionId[];
};
type Row = Record<Perspective, CellData>;

const DATA: Record<Proposition, Row> = {
  P1: {
    stage: {
      prediction: NO,
      summary:
        "No: the firm first gathers resources and experience at home, then goes abroad gradually.",
      citations: cite("johanson_vahlne_1977", "bell_2004"),
    },
    internalization: {
      prediction: depends("no", "yes"),
      condition: "transaction_costs",
      summary: "It depends on the costs of transacting with foreign parties.",
      reading:
        "Costly transactions with foreign parties make an early start unattractive, in line with the same perspective's exit prediction for P2.",
      citations: cite("ofarrell_1998"),
    },
    strategic_choice: {
      prediction: depends("yes", "no"),
      condition: "motivation_and_client_relationships",
      summary: "It depends on what drives the owner and on the firm's ties with its clients.",
      reading:
        "An owner who wants to sell abroad, or clients that lead abroad, make an early start possible; neither present, no.",
      citations: cite("ofarrell_1998", "jones_coviello_2005"),
    },
    learning: {
      prediction: YES,
      summary:
        "Yes: new ventures with distinctive knowledge can sell abroad from inception, with no domestic routines to unlearn.",
      citations: cite("autio_2000", "oviatt_mcdougall_2005", "luostarinen_gabrielsson_2004"),
    },
    resource_network: {
      prediction: { kind: "possibly" },
      condition: "internal_or_external_resources",
      summary: "Possibly, when the firm has resources of its own or can draw on others' resources.",
      citations: cite("acs_1997", "obrecht_2004"),
    },
  },
  P2: {
    stage: {
      prediction: { kind: "pattern", pattern: "unilinear", answer: "yes" },
      summary: "One-way, incremental path: commitment abroad only grows.",
      citations: cite("johanson_vahlne_1977", "bell_2004"),
    },
    internalization: {
      prediction: depends("no", "yes"),
      condition: "transaction_costs",
      moderators: ["sunk_costs"],
      summary:
        "The firm pulls out when transaction costs rise; sunk entry costs may keep it exporting anyway.",
      citations: cite("ofarrell_1998", "crick_2004"),
    },
    strategic_choice: {
      prediction: depends("yes", "no"),
      condition: "repeat_business",
      moderators: ["scarce_expert_resources", "learning_outcome"],
      summary:
        "Redeploying scarce expert staff makes the choice hard; whether repeat business can be won and how the experience is judged decide it.",
      reading:
        "Where repeat foreign business can be won the firm keeps going (possibly through suspended spells); where it cannot, it stops.",
      citations: cite("ofarrell_1998", "bell_2003"),
    },
    learning: {
      prediction: depends("yes", "no"),
      condition: "learning_outcome",
      summary:
        "More learning brings more internationalization; by implication, bad lessons may bring less.",
      citations: cite("autio_2000", "zahra_2000", "de_clerq_2005"),
    },
    resource_network: {
      prediction: depends("no", "yes"),
      condition: "resources_depleted",
      summary: "The firm may withdraw once its resources run out.",
      citations: cite("acs_1997", "westhead_2002"),
    },
  },
  P3: {
    stage: {
      prediction: {
        kind: "pattern",
        pattern: "low_to_high_control",
        whenHolds: "yes",
        whenNot: "no",
      },
      condition: "export_experience",
      summary:
        "High-control modes come later, after experience and commitment have built up through low-control ones.",
      citations: cite("johanson_vahlne_1977", "bell_2004"),
    },
    internalization: {
      prediction: depends("yes", "no"),
      condition: "transaction_costs",
      moderators: ["commitment_cost"],
      summary:
        "It depends on transaction costs weighed against the cost of committing the firm's own resources.",
      reading:
        "Internalization logic: high costs of dealing through outside parties favour doing the work oneself, i.e. a high-control mode, provided the commitment can be borne.",
      citations: cite("ofarrell_1998"),
    },
    strategic_choice: {
      prediction: depends("yes", "no"),
      condition: "export_experience",
      moderators: ["control_motivation"],
      summary:
        "Earlier experience shapes how a foreign market is served, and the owner's motives shape the mode chosen.",
      reading:
        "Experience abroad opens the way to forms of servicing beyond exporting; a firm without it is read as starting with low-control modes. Motives (such as keeping control) shade the choice.",
      citations: cite("ofarrell_1998", "westhead_2002"),
    },
    learning: {
      prediction: YES,
      summary: "Yes: starting with high control speeds up and widens what the firm learns abroad.",
      citations: cite("zahra_2000"),
    },
    resource_network: {
      prediction: depends("yes", "no"),
      condition: "resource_access_required",
      summary:
        "It depends on the resource access needed: location-bound resources call for high-control modes, fungible ones do not.",
      citations: cite("westhead_2002", "acs_1997"),
    },
  },
  P4: {
    stage: {
      prediction: YES,
      summary: "The home market is where resources and expertise are first accumulated.",
      citations: cite("johanson_vahlne_1977"),
    },
    internalization: {
      prediction: EMPTY,
      summary: "Not addressed in the review's Table 1.",
      citations: [],
    },
    strategic_choice: {
      prediction: YES,
      summary: "Conditions of home demand and supply can be carried over into the foreign market.",
      citations: cite("ofarrell_1998"),
    },
    learning: {
      prediction: { kind: "pattern", pattern: "restricted_domestic_market" },
      condition: "small_home_market",
      summary: "The home market is a constraint that pushes the venture out, not a resource.",
      citations: cite("luostarinen_gabrielsson_2004", "autio_2000"),
    },
    resource_network: {
      prediction: YES,
      moderators: ["geographic_fungibility"],
      summary:
        "The home market supplies the resources to go abroad; fungible ones may be used overseas at first.",
      citations: cite("dimitratos_2004", "westhead_2004b"),
    },
  },
  P5: {
    stage: {
      prediction: EMPTY,
      summary: "Not addressed in the review's Table 1.",
      citations: [],
    },
    internalization: {
      prediction: { kind: "pattern", pattern: "middle_range_control" },
      summary: "Joint ventures offer an intermediate degree of control.",
      citations: cite("ofarrell_1998"),
    },
    strategic_choice: {
      prediction: depends("yes", "no"),
      condition: "client_relationships",
      summary:
        "Lasting client relationships matter; sometimes a client draws the firm into foreign markets.",
      reading:
        "A firm whose clients draw it abroad is leveraging their resources; without such relationships this route is closed.",
      citations: cite("ofarrell_1998", "acs_1997"),
    },
    learning: {
      prediction: YES,
      summary: "Yes: the firm gains knowledge by linking into networks of larger organizations.",
      citations: cite("acs_1997"),
    },
    resource_network: {
      prediction: depends("yes", "no"),
      condition: "resource_access_required",
      summary: "It depends on which resources the firm needs to reach abroad.",
      reading:
        "A firm that must reach location-bound resources has to draw on others abroad; one exploiting fungible resources it already holds need not.",
      citations: cite("acs_1997", "pfeffer_salancik_1978"),
    },
  },
  P6: {
    stage: {
      prediction: unit("firm"),
      summary: "The firm.",
      citations: cite("johanson_vahlne_1977"),
    },
    internalization: {
      prediction: unit("firm", "transaction"),
      summary: "The firm and its transactions.",
      citations: cite("ofarrell_1998"),
    },
    strategic_choice: {
      prediction: unit("firm"),
      summary: "The firm.",
      citations: cite("ofarrell_1998"),
    },
    learning: {
      prediction: unit("firm", "entrepreneur"),
      summary:
        "The firm and the entrepreneur, though studies of new ventures mostly measure knowledge at firm level.",
      citations: cite("autio_2000", "zahra_2000"),
    },
    resource_network: {
      prediction: unit("firm", "entrepreneur", "network"),
      summary: "The firm, the entrepreneur and the network around them.",
      citations: cite("jones_coviello_2005", "westhead_2001", "brush_2002"),
    },
  },
};

/** All 30 cells, row by row (P1..P6), columns in PERSPECTIVES order. */
export const TABLE1: readonly Table1Cell[] = PROPOSITIONS.flatMap((proposition) =>
  PERSPECTIVES.map((perspective) => {
    const d = DATA[proposition][perspective];
    return { proposition, perspective, ...d, moderators: d.moderators ?? [] };
  }),
);

const INDEX = new Map(TABLE1.map((c) => [`${c.proposition}/${c.perspective}`, c]));

export function cell(proposition: Proposition, perspective: Perspective): Table1Cell {
  return INDEX.get(`${proposition}/${perspective}`)!;
}

/** One proposition across the five perspectives. */
export function row(proposition: Proposition): readonly Table1Cell[] {
  return PERSPECTIVES.map((p) => cell(proposition, p));
}

/** One perspective across the six propositions. */
export function column(perspective: Perspective): readonly Table1Cell[] {
  return PROPOSITIONS.map((p) => cell(p, perspective));
}

/**
 * The yes/no a cell gives for a firm, given whether its condition holds for that firm.
 * Returns "unknown" when the answer hinges on a condition that is unknown, and null when the
 * cell gives no yes/no (unit row, empty cells, explanatory patterns).
 */
export function cellAnswer(c: Table1Cell, conditionHolds: Tri): Answer | "unknown" | null {
  const p = c.prediction;
  const pick = (whenHolds: Answer, whenNot: Answer): Answer | "unknown" =>
    conditionHolds === "unknown" ? "unknown" : conditionHolds === "yes" ? whenHolds : whenNot;
  switch (p.kind) {
    case "yes":
    case "no":
      return p.kind;
    case "possibly":
      return pick("yes", "no");
    case "depends":
      return pick(p.whenHolds, p.whenNot);
    case "pattern":
      if (p.answer !== undefined) return p.answer;
      if (p.whenHolds !== undefined && p.whenNot !== undefined) return pick(p.whenHolds, p.whenNot);
      return null;
    case "unit":
    case "empty":
      return null;
  }
}
