import { INSTRUMENT_INFO, type Issue } from "../framework/index.ts";
import type { ProgrammeSystem } from "./programme.ts";
import { FALSE, ruleTruth } from "./rule/compile.ts";

/**
 * Soft notes where a programme's rule can admit firms that the framework's instrument catalogue
 * says the instrument does not suit (e.g. a readiness grant open to experienced exporters, who
 * would mostly export anyway). The check is logical, not statistical: the rule is evaluated
 * with the position (or state) fixed, the fields it implies by definition set, and every other
 * field unknown; a firm type is flagged unless the rule is then certainly false.
 */
/**
 * What a position or state implies by definition for the fields rules most often test, so that
 * e.g. a rule requiring a tradable offer is seen to exclude non-tradable firms. An offer with any
 * export trace is tradable in fact, so a non-tradable firm never exported.
 */
const IMPLIED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  non_tradable: { tradable: "no", exports_now: "no", state: "never_exported" },
  domestic_by_choice: { tradable: "yes", exports_now: "no" },
  export_capable: { tradable: "yes", exports_now: "no" },
  inexperienced_exporter: { tradable: "yes", exports_now: "yes" },
  experienced_exporter: { tradable: "yes", exports_now: "yes" },
  international_new_venture: { tradable: "yes", exports_now: "yes" },
  exporting: { tradable: "yes", exports_now: "yes" },
  re_entered: { tradable: "yes", exports_now: "yes" },
  never_exported: { exports_now: "no" },
  suspended: { tradable: "yes", exports_now: "no" },
  withdrawn_disappointed: { tradable: "yes", exports_now: "no" },
  withdrawn_disinterested: { tradable: "yes", exports_now: "no" },
};

export function targetingNotes(system: ProgrammeSystem): Issue[] {
  const notes: Issue[] = [];
  for (const programme of system.programmes) {
    for (const inst of programme.instruments) {
      const info = INSTRUMENT_INFO[inst.instrument];
      for (const fit of info.doesNotSuit) {
        const { kind, id } = fit.target;
        if (kind === "trait") continue;
        const implied = IMPLIED[id] ?? {};
        const truth = ruleTruth(inst.eligibility, (field) =>
          field === kind ? id : (implied[field] ?? null),
        );
        if (truth === FALSE) continue;
        notes.push({
          code: "targets_unsuited",
          field: `${programme.id}/${inst.id}`,
          value: id,
          expected: `a rule that excludes ${kind} ${id}`,
          message: `${programme.id}/${inst.id} can serve firms whose ${kind} is ${id}, which ${info.label.toLowerCase()} does not suit: ${fit.reason}`,
        });
      }
    }
  }
  return notes;
}
