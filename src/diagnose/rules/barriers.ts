import type { Profile } from "../../firm/index.ts";
import { BARRIER_FAMILIES, type BarrierFamily } from "../../framework/index.ts";
import type { DiagnoseParams } from "../params.ts";
import type { BarrierLevel, ProfileField, Rule } from "../rule.ts";

/** One barrier family's score for this firm and what it was computed from. */
export interface BarrierAssessment {
  family: BarrierFamily;
  /** 1..5 (5 = severe); null when neither items nor a family score were given. */
  score: number | null;
  level: BarrierLevel;
  /** "items": mean of the answered items; "family_score": the given score; "unknown": neither. */
  source: "items" | "family_score" | "unknown";
  items_answered: number;
  items_total: number;
  /** The family-score field this family reads when no items are answered. */
  field: ProfileField;
  /** Share of items answered when scored from items, 1 for a given family score, 0 if unknown. */
  confidence: number;
}

export const BARRIER_FIELDS: Readonly<Record<BarrierFamily, ProfileField>> = {
  attitudinal: "barrier_attitudinal",
  resource: "barrier_resource",
  operational: "barrier_operational",
  strategic: "barrier_strategic",
};

export function barrierLevel(score: number | null, params: DiagnoseParams): BarrierLevel {
  if (score === null) return "unknown";
  if (score >= params.barrier_high) return "high";
  if (score <= params.barrier_low) return "low";
  return "medium";
}

function assessFamily(
  p: Profile,
  family: BarrierFamily,
  params: DiagnoseParams,
): BarrierAssessment {
  const items = p.barrier_items[family];
  let sum = 0;
  let answered = 0;
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (v !== null) {
      sum += v;
      answered++;
    }
  }
  const field = BARRIER_FIELDS[family];
  const given = p[field] as number | null;
  const score = answered > 0 ? sum / answered : given;
  const source = answered > 0 ? "items" : given !== null ? "family_score" : "unknown";
  return {
    family,
    score,
    level: barrierLevel(score, params),
    source,
    items_answered: answered,
    items_total: items.length,
    field,
    confidence: answered > 0 ? answered / items.length : given !== null ? 1 : 0,
  };
}

/**
 * The four barrier families (attitudinal, resource, operational, strategic; the review, after
 * DTI 2004 and EIM 2005). Item answers, when present, override the family score: the family is
 * the mean of the answered items.
 */
export function assessBarriers(p: Profile, params: DiagnoseParams): BarrierAssessment[] {
  const out: BarrierAssessment[] = new Array(BARRIER_FAMILIES.length);
  for (let i = 0; i < BARRIER_FAMILIES.length; i++) {
    out[i] = assessFamily(p, BARRIER_FAMILIES[i], params);
  }
  return out;
}

export const barrierRule: Rule<BarrierAssessment[]> = {
  id: "barriers.families",
  description: "Scores the four barrier families from item answers or given family scores",
  reads: [
    "barrier_items",
    "barrier_attitudinal",
    "barrier_resource",
    "barrier_operational",
    "barrier_strategic",
  ],
  uses: [],
  params: ["barrier_high", "barrier_low"],
  references: [
    { author: "EIM", year: 2005 },
    { author: "DTI", year: 2004 },
  ],
  run: (p, params) => assessBarriers(p, params),
};
