/**
 * Builds a reform's programme hooks from its spec, in whichever thread runs it. The factory is
 * a module exporting `buildYearHooks`; by default the policy module's hook builder, not its
 * public face: a worker then loads no scenario reader (YAML parsing was a sixth of its start).
 */
import type { BuildYearHooks, ReformSpec, YearHooks } from "./intervention.ts";

export const DEFAULT_HOOK_FACTORY = new URL("../policy/build.ts", import.meta.url).href;

type FactoryModule = { buildYearHooks?: BuildYearHooks };

/** Factory modules linked into this thread ahead of time, by specifier (worker-bundle.ts). */
const linked = new Map<string, FactoryModule>();

/** Makes `mod` the module `specifier` stands for in this thread (no import at run time). */
export function linkFactory(specifier: string, mod: FactoryModule): void {
  linked.set(specifier, mod);
}

export async function buildHooks(spec: ReformSpec): Promise<YearHooks[]> {
  const specifier = spec.factory ?? DEFAULT_HOOK_FACTORY;
  const mod = linked.get(specifier) ?? ((await import(specifier)) as FactoryModule);
  if (typeof mod.buildYearHooks !== "function") {
    throw new Error(
      `reform ${spec.id}: module ${specifier} does not export buildYearHooks(scenario) => YearHooks[]`,
    );
  }
  return mod.buildYearHooks(spec.scenario);
}
