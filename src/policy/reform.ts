import type { Issue, Result } from "../framework/index.ts";
import type { Dated, ProgrammeSystem } from "./programme.ts";
import { type Change, formatPath, type ReformDef } from "./scenario/normalize.ts";

/**
 * A reform is a pure function from a programme system to a new one: it works on a deep copy and
 * never touches its input, so one baseline can feed any number of reforms (OpenFisca's
 * reform-as-function pattern). Code can build reforms directly; scenario files describe them
 * as a list of changes.
 */
export type Reform = (system: ProgrammeSystem) => Result<ProgrammeSystem>;

/** Applies functions left to right, each on the previous result; stops at the first failure. */
export function composeReforms(...reforms: Reform[]): Reform {
  return (system) => {
    let current: Result<ProgrammeSystem> = { ok: true, value: system };
    for (const reform of reforms) {
      if (!current.ok) return current;
      current = reform(current.value);
    }
    return current;
  };
}

/** The reform a scenario's list of changes describes (its own changes only, not `extends`). */
export function reformOf(def: ReformDef, path: (string | number)[] = []): Reform {
  return (system) => {
    const next = structuredClone(system);
    const issues: Issue[] = [];
    def.changes.forEach((change, i) => {
      applyChange(next, change, [...path, "changes", i], issues);
    });
    return issues.length > 0 ? { ok: false, issues } : { ok: true, value: next };
  };
}

function scale(value: Dated<number | null>, factor: number): Dated<number | null> {
  if (value === null || typeof value === "number") return value === null ? null : value * factor;
  const out: Record<string, number | null> = {};
  for (const [year, v] of Object.entries(value)) out[year] = v === null ? null : v * factor;
  return out;
}

/** Mutates `system` (always a private copy) by one change; reports what it could not find. */
function applyChange(
  system: ProgrammeSystem,
  change: Change,
  path: (string | number)[],
  issues: Issue[],
): void {
  const ids = () => system.programmes.map((p) => p.id);
  const find = (id: string, at: string) => {
    const index = system.programmes.findIndex((p) => p.id === id);
    if (index < 0) {
      issues.push({
        code: "unknown_programme",
        field: formatPath([...path, at]),
        message: `no programme ${id} in the system this reform applies to; expected one of ${ids().join(", ") || "(none)"}`,
        value: id,
        expected: `one of ${ids().join(", ") || "(none)"}`,
      });
    }
    return index;
  };
  const findInstrument = (progId: string, instId: string, at: string) => {
    const p = find(progId, at);
    if (p < 0) return [-1, -1];
    const list = system.programmes[p].instruments;
    const k = list.findIndex((x) => x.id === instId);
    if (k < 0) {
      const have = list.map((x) => x.id).join(", ");
      issues.push({
        code: "unknown_instrument",
        field: formatPath([...path, at, "instrument"]),
        message: `programme ${progId} has no instrument ${instId}; expected one of ${have}`,
        value: instId,
        expected: `one of ${have}`,
      });
    }
    return [p, k];
  };
  if ("add_programme" in change) {
    const id = change.add_programme.id;
    if (ids().includes(id)) {
      issues.push({
        code: "duplicate_id",
        field: formatPath([...path, "add_programme", "id"]),
        message: `programme ${id} already exists; use replace_programme or update_programme`,
        value: id,
        expected: "a new programme id",
      });
    } else system.programmes.push(structuredClone(change.add_programme));
  } else if ("remove_programme" in change) {
    const p = find(change.remove_programme, "remove_programme");
    if (p >= 0) system.programmes.splice(p, 1);
  } else if ("replace_programme" in change) {
    const p = find(change.replace_programme.id, "replace_programme");
    if (p >= 0) system.programmes[p] = structuredClone(change.replace_programme);
  } else if ("update_programme" in change) {
    const p = find(change.update_programme.programme, "update_programme");
    if (p >= 0) Object.assign(system.programmes[p], structuredClone(change.update_programme.set));
  } else if ("add_instrument" in change) {
    const { programme, instrument } = change.add_instrument;
    const p = find(programme, "add_instrument");
    if (p >= 0) {
      if (system.programmes[p].instruments.some((x) => x.id === instrument.id)) {
        issues.push({
          code: "duplicate_id",
          field: formatPath([...path, "add_instrument", "instrument", "id"]),
          message: `programme ${programme} already has an instrument ${instrument.id}`,
          value: instrument.id,
          expected: "a new instrument id",
        });
      } else system.programmes[p].instruments.push(structuredClone(instrument));
    }
  } else if ("remove_instrument" in change) {
    const [p, k] = findInstrument(
      change.remove_instrument.programme,
      change.remove_instrument.instrument,
      "remove_instrument",
    );
    if (k >= 0) system.programmes[p].instruments.splice(k, 1);
  } else if ("update_instrument" in change) {
    const u = change.update_instrument;
    const [p, k] = findInstrument(u.programme, u.instrument, "update_instrument");
    if (k >= 0) Object.assign(system.programmes[p].instruments[k], structuredClone(u.set));
  } else if ("scale_budgets" in change) {
    const { factor, programme } = change.scale_budgets;
    if (programme !== undefined && find(programme, "scale_budgets") < 0) return;
    for (const p of system.programmes) {
      if (programme !== undefined && p.id !== programme) continue;
      for (const inst of p.instruments) inst.budget_per_year = scale(inst.budget_per_year, factor);
    }
  }
}
