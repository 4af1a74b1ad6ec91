import type { Issue } from "../framework/issue.ts";
import { showValue, type Where } from "./coerce.ts";
import type { Profile } from "./profile.ts";

/** A contradiction between fields of an otherwise valid profile, named on the later field. */
export interface Inconsistency {
  field: keyof Profile & string;
  value: unknown;
  expected: string;
}

/*
 * Checks run only on profiles whose fields are individually valid, so every value here is already
 * typed. Unknowns never contradict anything: a rule fires only on two known values.
 */
export function findInconsistencies(p: Profile): Inconsistency[] {
  const out: Inconsistency[] = [];
  if (p.founded !== null && p.assessed !== null && p.founded > p.assessed) {
    add(out, p, "founded", `a founding year <= assessed (${p.assessed})`);
  }
  if (p.first_export_year !== null) {
    if (p.founded !== null && p.first_export_year < p.founded) {
      add(out, p, "first_export_year", `a year >= founded (${p.founded})`);
    } else if (p.assessed !== null && p.first_export_year > p.assessed) {
      add(out, p, "first_export_year", `a year <= assessed (${p.assessed})`);
    }
  }
  if (p.last_export_year !== null) {
    if (p.first_export_year !== null && p.last_export_year < p.first_export_year) {
      add(out, p, "last_export_year", `a year >= first_export_year (${p.first_export_year})`);
    } else if (p.assessed !== null && p.last_export_year > p.assessed) {
      add(out, p, "last_export_year", `a year <= assessed (${p.assessed})`);
    }
  }
  if (p.exports_now === "yes") {
    if (p.tradable === "no") add(out, p, "tradable", "yes or unknown, because exports_now=yes");
    if (p.export_share === 0)
      add(out, p, "export_share", "a share above 0, because exports_now=yes");
    if (p.export_markets === 0)
      add(out, p, "export_markets", "at least 1 market, because exports_now=yes");
    if (p.modes !== null && p.modes.length === 0) {
      add(out, p, "modes", "at least one entry mode (not none), because exports_now=yes");
    }
    if (p.between_projects === "yes") {
      add(
        out,
        p,
        "between_projects",
        "no or unknown, because exports_now=yes (between projects means no exports now)",
      );
    }
  }
  if (p.exports_now === "no" && p.export_gap === "yes") {
    add(
      out,
      p,
      "export_gap",
      "no or unknown, because exports_now=no (a gap precedes current exports)",
    );
  }
  return out;
}

// A module-level helper rather than a closure: this runs once per row on batch paths.
function add(
  out: Inconsistency[],
  p: Profile,
  field: Inconsistency["field"],
  expected: string,
): void {
  out.push({ field, value: p[field], expected });
}

export function inconsistencyIssue(inc: Inconsistency, where: Where): Issue {
  return {
    code: "inconsistent",
    message: `got ${showValue(inc.value)}, expected ${inc.expected}`,
    ...where,
    field: inc.field,
    value: inc.value,
    expected: inc.expected,
  };
}
