import type { Issue, Result } from "../../framework/index.ts";
import type { ProgrammeSystem } from "../programme.ts";
import { reformOf } from "../reform.ts";
import type { ReformDef, Scenario } from "./normalize.ts";
import { lineIn, parseScenario } from "./parse.ts";

/**
 * The order in which a reform's stack is applied: everything it extends (depth first, each
 * reform once, in the order listed), then the reform itself.
 */
export function stackOrder(reforms: readonly ReformDef[], id: string): string[] {
  const byId = new Map(reforms.map((r) => [r.id, r]));
  const out: string[] = [];
  const visit = (rid: string) => {
    if (out.includes(rid)) return;
    for (const e of byId.get(rid)?.extends ?? []) visit(e);
    out.push(rid);
  };
  visit(id);
  return out;
}

/**
 * Every system a scenario names: "baseline" and one per reform. Any of them can serve as the
 * reference for a comparison. Each reform's system is its stack applied to a copy of the baseline.
 */
export function scenarioSystems(
  scenario: Scenario,
  baseline: ProgrammeSystem,
): Result<Map<string, ProgrammeSystem>> {
  const systems = new Map<string, ProgrammeSystem>([["baseline", baseline]]);
  const issues: Issue[] = [];
  scenario.reforms.forEach((reform) => {
    let current = baseline;
    for (const id of stackOrder(scenario.reforms, reform.id)) {
      const index = scenario.reforms.findIndex((r) => r.id === id);
      const result = reformOf(scenario.reforms[index], ["reforms", index])(current);
      if (!result.ok) {
        for (const issue of result.issues) {
          const via = id === reform.id ? "" : ` (applied as part of ${reform.id})`;
          if (!issues.some((i) => i.field === issue.field && i.message.startsWith(issue.message))) {
            issues.push({ ...issue, message: `${issue.message}${via}` });
          }
        }
        return;
      }
      current = result.value;
    }
    systems.set(reform.id, current);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: systems };
}

/** Reads another scenario referenced as `baseline.from`; `from` is the referring file. */
export type ScenarioReader = (ref: string, from: string) => Result<{ file: string; text: string }>;

export interface ResolvedScenario {
  file: string;
  scenario: Scenario;
  /** "baseline" first, then each reform, in file order. */
  systems: Map<string, ProgrammeSystem>;
}

/**
 * Turns a parsed scenario into its systems, following `baseline.from` through `read` (the only
 * I/O, injected by the caller) and refusing reference cycles.
 */
export function resolveScenario(
  scenario: Scenario,
  file: string,
  read: ScenarioReader,
  visiting: readonly string[] = [],
): Result<ResolvedScenario> {
  // Every issue names the file, the line of the field and what was expected.
  const located = (issues: readonly Issue[]): Result<ResolvedScenario> => ({
    ok: false,
    issues: issues.map((i) => ({
      ...i,
      file: i.file ?? file,
      row: i.row ?? lineIn(scenario, i.field ?? ""),
      message:
        i.expected === undefined || i.message.includes("; expected ")
          ? i.message
          : `${i.message}; expected ${i.expected}`,
    })),
  });
  const fail = (
    message: string,
    value: unknown,
    expected: string,
    code = "bad_baseline",
    field = "baseline",
  ): Result<ResolvedScenario> => located([{ code, file, field, message, value, expected }]);
  let baseline: ProgrammeSystem;
  if ("programmes" in scenario.baseline) {
    baseline = {
      currency: scenario.currency ?? "EUR",
      budget_basis_firms: scenario.budgetBasis,
      programmes: structuredClone(scenario.baseline.programmes),
    };
  } else {
    const { from, reform } = scenario.baseline;
    const source = read(from, file);
    if (!source.ok) return source;
    if ([...visiting, file].includes(source.value.file)) {
      const chain = [...visiting, file, source.value.file].join(" -> ");
      return fail(
        `baseline references form a cycle: ${chain}`,
        from,
        "a chain of baselines that ends",
      );
    }
    const parsed = parseScenario(source.value.text, { file: source.value.file });
    if (!parsed.ok) return parsed;
    const inner = resolveScenario(parsed.value, source.value.file, read, [...visiting, file]);
    if (!inner.ok) return inner;
    const key = reform ?? "baseline";
    const chosen = inner.value.systems.get(key);
    if (!chosen) {
      const have = [...inner.value.systems.keys()].join(", ");
      return fail(`${from} has no reform ${key}`, key, `one of ${have}`);
    }
    const inherited = chosen.budget_basis_firms ?? null;
    if (scenario.budgetBasis !== null && scenario.budgetBasis !== inherited) {
      // One system has one basis: the baseline's budgets would be read for another population.
      return fail(
        inherited === null
          ? `budgets here are for ${scenario.budgetBasis} firms but ${from} writes them for the simulated population (it has no budget_basis)`
          : `budgets here are for ${scenario.budgetBasis} firms but ${from} writes them for ${inherited}`,
        scenario.budgetBasis,
        inherited === null
          ? `no budget_basis here, or the same budget_basis in ${from}`
          : `${inherited}, or no budget_basis (inherited)`,
        "budget_basis_mismatch",
        "budget_basis.firms",
      );
    }
    if (scenario.currency !== null && scenario.currency !== chosen.currency) {
      // Costs written in one currency would be added to the baseline's spend in another.
      return fail(
        `costs here are in ${scenario.currency} but ${from} writes them in ${chosen.currency}`,
        scenario.currency,
        `${chosen.currency}, or no currency (inherited)`,
        "currency_mismatch",
        "currency",
      );
    }
    baseline = { ...chosen, budget_basis_firms: inherited };
  }
  const systems = scenarioSystems(scenario, baseline);
  if (!systems.ok) return located(systems.issues);
  return { ok: true, value: { file, scenario, systems: systems.value } };
}
