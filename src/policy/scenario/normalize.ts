import type { Issue } from "../../framework/index.ts";
import { INSTRUMENT_DEFAULTS } from "../library/defaults.ts";
import type { InstrumentSpec, Programme, Rationing } from "../programme.ts";
import type { ChangeDoc, InstrumentDoc, ProgrammeDoc, ReformDoc, ScenarioDoc } from "./schema.ts";

/** A parsed scenario: defaults filled in, references inside the file checked. */
export interface Scenario {
  id: string;
  title: string;
  description: string;
  /** As stated; null when the file names none (then EUR, or the `from` baseline's). */
  currency: string | null;
  /** Firms the budgets are written for (null: not stated). */
  budgetBasis: number | null;
  baseline: { programmes: Programme[] } | { from: string; reform: string | null };
  reforms: ReformDef[];
}

export interface ReformDef {
  id: string;
  title: string;
  description: string;
  extends: string[];
  changes: Change[];
}

type InstrumentPatch = Partial<Omit<InstrumentSpec, "id" | "instrument">>;

export type Change =
  | { add_programme: Programme }
  | { remove_programme: string }
  | { replace_programme: Programme }
  | {
      update_programme: {
        programme: string;
        set: Partial<Pick<Programme, "title" | "description" | "years">>;
      };
    }
  | { add_instrument: { programme: string; instrument: InstrumentSpec } }
  | { remove_instrument: { programme: string; instrument: string } }
  | { update_instrument: { programme: string; instrument: string; set: InstrumentPatch } }
  | { scale_budgets: { factor: number; programme?: string } };

export type Path = (string | number)[];

/** `programmes[1].instruments[0].eligibility` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

function problem(
  path: Path,
  code: string,
  message: string,
  value: unknown,
  expected: string,
): Issue {
  return { code, field: formatPath(path), message, value, expected };
}

function rationing(doc: InstrumentDoc["rationing"]): Rationing {
  if (doc === "random" || doc === "pro_rata") return { rule: doc };
  return {
    rule: "priority",
    score: doc.priority.map((t) => ({ field: t.field, weight: t.weight })),
  };
}

function patchRationing(set: Record<string, unknown>): InstrumentPatch {
  const out = { ...set } as Record<string, unknown>;
  if (set.rationing !== undefined)
    out.rationing = rationing(set.rationing as InstrumentDoc["rationing"]);
  return out as InstrumentPatch;
}

/** Fills an instrument's unstated numbers from the library; reports what cannot be filled. */
export function toInstrument(doc: InstrumentDoc, path: Path, issues: Issue[]): InstrumentSpec {
  const defaults = INSTRUMENT_DEFAULTS[doc.instrument];
  const need = <T>(value: T | undefined, key: string, fallback: T | undefined): T => {
    if (value !== undefined) return value;
    if (fallback !== undefined) return fallback;
    issues.push(
      problem(
        [...path, key],
        "missing_value",
        `${doc.instrument} has no default ${key}; state it`,
        undefined,
        `a ${key} for ${doc.instrument}`,
      ),
    );
    return undefined as T;
  };
  return {
    id: doc.id ?? doc.instrument,
    instrument: doc.instrument,
    eligibility: doc.eligibility,
    take_up: need(doc.take_up, "take_up", defaults?.take_up),
    cost_per_firm: need(doc.cost_per_firm, "cost_per_firm", defaults?.cost_per_firm),
    budget_per_year: doc.budget_per_year,
    rationing: rationing(doc.rationing),
    years: doc.years,
    once_per_firm: doc.once_per_firm,
    effects: need(
      doc.effects,
      "effects",
      defaults?.effects.map((e) => ({ ...e })),
    ),
  };
}

export function toProgramme(doc: ProgrammeDoc, path: Path, issues: Issue[]): Programme {
  const seen = new Set<string>();
  const instruments = doc.instruments.map((inst, i) => {
    const spec = toInstrument(inst, [...path, "instruments", i], issues);
    if (seen.has(spec.id)) {
      issues.push(
        problem(
          [...path, "instruments", i, "id"],
          "duplicate_id",
          `instrument id ${spec.id} is used twice in ${doc.id}`,
          spec.id,
          "a unique id (set `id:` when an instrument appears twice)",
        ),
      );
    }
    seen.add(spec.id);
    return spec;
  });
  return {
    id: doc.id,
    title: doc.title,
    description: doc.description,
    years: doc.years,
    instruments,
  };
}

function toChange(doc: ChangeDoc, path: Path, issues: Issue[]): Change {
  if ("add_programme" in doc)
    return { add_programme: toProgramme(doc.add_programme, [...path, "add_programme"], issues) };
  if ("replace_programme" in doc) {
    return {
      replace_programme: toProgramme(doc.replace_programme, [...path, "replace_programme"], issues),
    };
  }
  if ("add_instrument" in doc) {
    const { programme, instrument } = doc.add_instrument;
    const spec = toInstrument(instrument, [...path, "add_instrument", "instrument"], issues);
    return { add_instrument: { programme, instrument: spec } };
  }
  if ("update_instrument" in doc) {
    const { programme, instrument, set } = doc.update_instrument;
    return { update_instrument: { programme, instrument, set: patchRationing(set) } };
  }
  return doc as Change;
}

function toReform(doc: ReformDoc, path: Path, issues: Issue[]): ReformDef {
  const changes = doc.changes.map((c, i) => toChange(c, [...path, "changes", i], issues));
  return {
    id: doc.id,
    title: doc.title,
    description: doc.description,
    extends: doc.extends,
    changes,
  };
}

/** Checks ids and stacking inside one scenario document and fills defaults. */
export function normalizeScenario(doc: ScenarioDoc, issues: Issue[]): Scenario {
  const baseline: Scenario["baseline"] =
    "programmes" in doc.baseline
      ? {
          programmes: doc.baseline.programmes.map((p, i) =>
            toProgramme(p, ["baseline", "programmes", i], issues),
          ),
        }
      : { from: doc.baseline.from, reform: doc.baseline.reform ?? null };
  if ("programmes" in baseline) {
    duplicates(
      baseline.programmes.map((p) => p.id),
      ["baseline", "programmes"],
      "programme",
      issues,
    );
  }
  const reforms = doc.reforms.map((r, i) => toReform(r, ["reforms", i], issues));
  const ids = reforms.map((r) => r.id);
  duplicates(ids, ["reforms"], "reform", issues);
  reforms.forEach((r, i) => {
    // "baseline" names the file's baseline here; "policy_baseline" names it in a run's results,
    // where "baseline" is the world without programmes.
    if (r.id === "baseline" || r.id === "policy_baseline") {
      issues.push(
        problem(
          ["reforms", i, "id"],
          "reserved_id",
          `the id ${r.id} names the baseline system`,
          r.id,
          "another id",
        ),
      );
    }
    r.extends.forEach((e, k) => {
      if (!ids.includes(e)) {
        issues.push(
          problem(
            ["reforms", i, "extends", k],
            "unknown_reform",
            `reform ${r.id} extends unknown reform ${e}`,
            e,
            `one of ${ids.join(", ") || "(no reforms)"}`,
          ),
        );
      }
    });
  });
  const cycle = findCycle(reforms);
  if (cycle) {
    issues.push(
      problem(
        ["reforms"],
        "reform_cycle",
        `reforms extend each other in a cycle: ${cycle.join(" -> ")}`,
        cycle,
        "an order without cycles",
      ),
    );
  }
  return {
    id: doc.id,
    title: doc.title,
    description: doc.description,
    currency: doc.currency ?? null,
    budgetBasis: doc.budget_basis?.firms ?? null,
    baseline,
    reforms,
  };
}

function duplicates(ids: string[], path: Path, what: string, issues: Issue[]): void {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) {
      issues.push(
        problem(
          [...path, i, "id"],
          "duplicate_id",
          `${what} id ${id} is used twice`,
          id,
          `a unique ${what} id`,
        ),
      );
    }
  });
}

function findCycle(reforms: ReformDef[]): string[] | null {
  const byId = new Map(reforms.map((r) => [r.id, r]));
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 2) return null;
    if (state.get(id) === 1) return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 1);
    stack.push(id);
    for (const e of byId.get(id)?.extends ?? []) {
      const found = visit(e);
      if (found) return found;
    }
    stack.pop();
    state.set(id, 2);
    return null;
  };
  for (const r of reforms) {
    const found = visit(r.id);
    if (found) return found;
  }
  return null;
}
