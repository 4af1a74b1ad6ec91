import type { Profile } from "../firm/index.ts";
import { type Classifiers, diagnoseClassifiers } from "./diagnosis.ts";
import { activeIn, type ProgrammeSystem } from "./programme.ts";
import { TRUE, UNKNOWN } from "./rule/compile.ts";
import { decisiveConditions, type Explanation, explainRule } from "./rule/explain.ts";

/**
 * How a rule reads one recorded profile: profile fields as recorded ("unknown" and null are
 * unknown), `age` from `assessed` (or `year`), and position, state and barrier levels from the
 * diagnose rules, each computed at most once.
 */
export function profileReader(
  profile: Profile,
  classifiers: Classifiers = diagnoseClassifiers(),
  year: number | null = profile.assessed,
): (field: string) => string | number | null {
  const cache = new Map<string, string | number | null>();
  const compute = (field: string): string | number | null => {
    if (field === "position" || field === "state") {
      const v = classifiers[field](profile);
      return v === "undetermined" ? null : v;
    }
    if (field === "age") {
      return year === null || profile.founded === null ? null : year - profile.founded;
    }
    if (field.endsWith("_level")) {
      const score = profile[field.slice(0, -"_level".length) as keyof Profile] as number | null;
      const level = classifiers.barrierLevel(score ?? null);
      return level === "unknown" ? null : level;
    }
    const v = profile[field as keyof Profile] as unknown;
    return v === "unknown" || v === undefined ? null : (v as string | number | null);
  };
  return (field) => {
    if (!cache.has(field)) cache.set(field, compute(field));
    return cache.get(field) ?? null;
  };
}

export interface ProfileEligibility {
  programme: string;
  instrument: string;
  /** The instrument runs in the year asked. */
  active: boolean;
  eligible: boolean;
  /** True when unknown answers, not the firm's known answers, keep it from being eligible. */
  undecided: boolean;
  /** Conditions that made the rule false, or unknown ones that would decide it. */
  because: { field: string; value: string | number | null }[];
  explanation: Explanation;
}

/** For an adviser: which instruments of a system one firm qualifies for in `year`, and why not. */
export function eligibilityFor(
  system: ProgrammeSystem,
  profile: Profile,
  year: number,
  classifiers: Classifiers = diagnoseClassifiers(),
): ProfileEligibility[] {
  const read = profileReader(profile, classifiers, year);
  const out: ProfileEligibility[] = [];
  for (const programme of system.programmes) {
    for (const inst of programme.instruments) {
      const explanation = explainRule(inst.eligibility, read);
      out.push({
        programme: programme.id,
        instrument: inst.id,
        active: activeIn(programme, inst, year),
        eligible: explanation.truth === TRUE,
        undecided: explanation.truth === UNKNOWN,
        because: decisiveConditions(explanation).map((c) => ({
          field: c.condition.field,
          value: c.value,
        })),
        explanation,
      });
    }
  }
  return out;
}
