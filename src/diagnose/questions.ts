import type { Profile } from "../firm/index.ts";
import {
  ENTREPRENEUR_TYPES,
  HOME_ECONOMIES,
  LOCATIONS,
  SECTORS,
  TECH_INTENSITIES,
} from "../framework/index.ts";
import { exportHistory, exportHistoryImplicit, NO } from "./facts.ts";
import type { DiagnoseParams } from "./params.ts";
import type { ProfileField } from "./rule.ts";

/**
 * The questions an adviser can ask about unknown fields, with the answers to try for each.
 * Numeric candidates straddle the thresholds the rules use, so a question scores as decisive
 * exactly when its answer could cross one. The ranking itself is computed (ask-next.ts).
 */
export interface AskableField {
  field: ProfileField;
  question: string;
  /** Answers worth trying when the field is unknown; [] when it is known or cannot be tried. */
  candidates(p: Profile, params: DiagnoseParams): readonly unknown[];
}

const YES_NO = ["yes", "no"] as const;
const tri =
  (field: ProfileField) =>
  (p: Profile): readonly unknown[] =>
    p[field] === "unknown" ? YES_NO : [];
const oneOf =
  (field: ProfileField, values: readonly string[]) =>
  (p: Profile): readonly unknown[] =>
    p[field] === null ? values : [];
// A recorded zero (no markets, no share, no modes) settles that the firm never exported, so
// its export years and figures are not applicable rather than unknown.
const neverExported = (p: Profile) => exportHistory(p) === NO && !exportHistoryImplicit(p);
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

function barrierCandidates(field: ProfileField, family: keyof Profile["barrier_items"]) {
  return (p: Profile, params: DiagnoseParams): readonly unknown[] => {
    if (p[field] !== null || p.barrier_items[family].some((v) => v !== null)) return [];
    return [
      clamp(params.barrier_low - 0.5, 1, 5),
      (params.barrier_low + params.barrier_high) / 2,
      clamp(params.barrier_high + 0.5, 1, 5),
    ];
  };
}

export const ASKABLE: readonly AskableField[] = [
  {
    field: "tradable",
    question: "Could the firm's offer be sold abroad at all?",
    candidates: tri("tradable"),
  },
  {
    field: "exports_now",
    question: "Is the firm selling abroad at present?",
    candidates: tri("exports_now"),
  },
  {
    field: "plans_to_export",
    question: "Does the owner intend to sell abroad (again) in the coming years?",
    candidates: tri("plans_to_export"),
  },
  {
    field: "between_projects",
    question: "Is the firm between foreign projects and expecting repeat business abroad?",
    candidates: tri("between_projects"),
  },
  {
    field: "export_gap",
    question: "Did the firm stop exporting for a while before its current export activity?",
    candidates: tri("export_gap"),
  },
  {
    field: "first_export_year",
    question: "In which year did the firm first sell abroad?",
    candidates: (p, params) => {
      if (p.first_export_year !== null || p.assessed === null || neverExported(p)) return [];
      const early = p.founded !== null ? p.founded : p.assessed - 1;
      return [early, p.assessed - params.experienced_min_years - 2];
    },
  },
  {
    field: "last_export_year",
    question: "In which year did the firm last sell abroad?",
    candidates: (p) =>
      p.last_export_year !== null || p.assessed === null || neverExported(p)
        ? []
        : [p.assessed, p.assessed - 3],
  },
  {
    field: "founded",
    question: "In which year was the firm founded?",
    candidates: (p, params) =>
      p.founded !== null || p.assessed === null
        ? []
        : [p.assessed - 1, p.assessed - params.new_venture_max_age - 10],
  },
  {
    field: "export_share",
    question: "What share of sales is exported (current or last export year)?",
    candidates: (p, params) =>
      p.export_share !== null || neverExported(p)
        ? []
        : [
            params.intensity_low_share / 2,
            (params.intensity_low_share + params.inv_min_export_share) / 2,
            Math.min(1, params.inv_min_export_share + 0.2),
          ],
  },
  {
    field: "export_markets",
    question: "How many foreign countries does the firm serve?",
    candidates: (p, params) =>
      p.export_markets !== null || neverExported(p)
        ? []
        : [1, Math.max(params.inv_min_markets, params.experienced_min_markets) + 2],
  },
  {
    field: "sector",
    question: "Which sector is the firm in?",
    candidates: oneOf("sector", SECTORS),
  },
  {
    field: "tech_intensity",
    question: "How technology-intensive is the offer (low, medium, high)?",
    candidates: oneOf("tech_intensity", TECH_INTENSITIES),
  },
  {
    field: "resources_fungible",
    question: "Can the firm's resources be used abroad as they are, without local adaptation?",
    candidates: tri("resources_fungible"),
  },
  {
    field: "prefers_control",
    question: "Does the owner insist on keeping full control of operations?",
    candidates: tri("prefers_control"),
  },
  {
    field: "large_firm_links",
    question: "Does the firm supply or work with a larger firm that operates abroad?",
    candidates: tri("large_firm_links"),
  },
  {
    field: "client_pull",
    question: "Has a major customer taken the firm abroad, or is one going abroad?",
    candidates: tri("client_pull"),
  },
  {
    field: "partner_dependence",
    question: "Do most sales depend on one larger partner?",
    candidates: tri("partner_dependence"),
  },
  {
    field: "cluster",
    question: "Is the firm part of a specialized local cluster?",
    candidates: tri("cluster"),
  },
  { field: "incubator", question: "Is the firm in an incubator?", candidates: tri("incubator") },
  {
    field: "home_economy",
    question: "Is the home economy small and open, or large?",
    candidates: oneOf("home_economy", HOME_ECONOMIES),
  },
  {
    field: "location",
    question: "Is the firm urban or rural?",
    candidates: oneOf("location", LOCATIONS),
  },
  {
    field: "entrepreneur_type",
    question: "Is the owner a novice, serial or portfolio entrepreneur?",
    candidates: oneOf("entrepreneur_type", ENTREPRENEUR_TYPES),
  },
  {
    field: "founder_export_experience",
    question: "Has the founder sold goods or services abroad before?",
    candidates: tri("founder_export_experience"),
  },
  {
    field: "founder_same_industry",
    question: "Did the founder start in the same industry as their last employer?",
    candidates: tri("founder_same_industry"),
  },
  {
    field: "barrier_attitudinal",
    question: "How severe are attitudinal barriers to exporting (1-5)?",
    candidates: barrierCandidates("barrier_attitudinal", "attitudinal"),
  },
  {
    field: "barrier_resource",
    question: "How severe are resource barriers to exporting (1-5)?",
    candidates: barrierCandidates("barrier_resource", "resource"),
  },
  {
    field: "barrier_operational",
    question: "How severe are operational barriers to exporting (1-5)?",
    candidates: barrierCandidates("barrier_operational", "operational"),
  },
  {
    field: "barrier_strategic",
    question: "How severe are strategic barriers to exporting (1-5)?",
    candidates: barrierCandidates("barrier_strategic", "strategic"),
  },
  {
    field: "sunk_cost_concern",
    question: "How much does the owner worry about export costs that cannot be recovered (1-5)?",
    candidates: (p, params) =>
      p.sunk_cost_concern !== null
        ? []
        : [clamp(params.sunk_cost_high - 2, 1, 5), params.sunk_cost_high],
  },
  {
    field: "modes",
    question: "Which entry modes has the firm used so far?",
    candidates: (p) => (p.modes !== null ? [] : [[], ["direct_export"], ["joint_venture"]]),
  },
];
