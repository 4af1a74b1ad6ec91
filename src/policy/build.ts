import type { DiagnoseParams } from "../diagnose/index.ts";
import { OutwardError } from "../framework/index.ts";
import { programmeHooks } from "./apply.ts";
import { diagnoseClassifiers } from "./diagnosis.ts";
import type { PolicyHooks } from "./hook.ts";
import type { ProgrammeSystem } from "./programme.ts";
import { scenarioHash } from "./scenario/hash.ts";
import type { ResolvedScenario } from "./scenario/systems.ts";

/** What crosses to a simulation worker: a resolved system and, optionally, diagnose thresholds. */
export interface HookInput {
  system: ProgrammeSystem;
  /** Thresholds for position and state; default: the diagnose module's DEFAULT_PARAMS. */
  diagnoseParams?: DiagnoseParams;
}

function isSystem(v: unknown): v is ProgrammeSystem {
  return typeof v === "object" && v !== null && Array.isArray((v as ProgrammeSystem).programmes);
}

/**
 * The hook factory the simulation loads in each thread (`ReformSpec.scenario` is a HookInput or
 * a bare ProgrammeSystem, both structured-cloneable).
 */
export function buildYearHooks(scenario: unknown): PolicyHooks[] {
  if (isSystem(scenario)) return programmeHooks(scenario);
  if (
    typeof scenario === "object" &&
    scenario !== null &&
    isSystem((scenario as HookInput).system)
  ) {
    const input = scenario as HookInput;
    return programmeHooks(input.system, {
      classifiers: input.diagnoseParams ? diagnoseClassifiers(input.diagnoseParams) : undefined,
    });
  }
  throw new OutwardError(
    "bad_reform_spec",
    "the policy hook factory expects a programme system ({currency, programmes}) or {system, diagnoseParams}",
  );
}

/** One simulated alternative: id, content hash and the data the hook factory needs. */
export interface SystemSpec {
  id: string;
  hash: string;
  scenario: HookInput;
}

/**
 * Every system of a resolved scenario as simulation reform specs, in file order. The scenario's
 * own baseline is named `policy_baseline`, because the simulation's "baseline" is the world
 * without any programme.
 */
export function systemSpecs(
  resolved: ResolvedScenario,
  diagnoseParams?: DiagnoseParams,
): SystemSpec[] {
  return [...resolved.systems].map(([id, system]) => {
    const scenario: HookInput = diagnoseParams ? { system, diagnoseParams } : { system };
    return {
      id: id === "baseline" ? "policy_baseline" : id,
      hash: scenarioHash(scenario),
      scenario,
    };
  });
}
