/**
 * Speed of eligibility and of one policy year on a simulated population (one core).
 *
 *   node --import tsx bench/policy/hooks.bench.ts [--n 200000] [--repeat 5] [--seed 3] [--path year]
 *
 * The population is simulated first (not timed): synthesis plus a 10-year burn-in, so firms
 * have export histories, states and positions. Paths:
 *   mask        compiled eligibility (4 profile-field conditions) over all firms, column kernels
 *   slow        the same rule the obvious way: a profile per firm, then the per-firm evaluator
 *   cache       the same through the per-year diagnosis cache, as a policy year classifies
 *   classify    position + state for every alive firm (what eligibility would cost without the
 *               pre-filter, per instrument that reads position or state)
 *   year        one policy year of examples/scenarios/differentiated.yaml, system
 *               "differentiated" (7 programmes), the same hooks called for successive years (as
 *               in a run; the population is not stepped): eligibility with the pre-filter and
 *               the per-year diagnosis cache (cold each year), take-up, rationing, effects
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import {
  compileRule,
  DiagnosisCache,
  diagnoseClassifiers,
  PopulationColumns,
  parseRule,
  parseScenario,
  profileView,
  programmeHooks,
  type Rule,
  resolveScenario,
  ruleTruth,
  scratchProfile,
  TRUE,
} from "../../src/policy/index.ts";
import {
  allocateEffects,
  clonePopulation,
  counterRng,
  type Population,
  runSimulation,
} from "../../src/simulate/index.ts";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const N = arg("n", 200_000);
const REPEAT = arg("repeat", 5);
const SEED = arg("seed", 3);
const YEAR = 2025;

let pop: Population | null = null;
await runSimulation({
  firms: N,
  years: 1,
  burnIn: 10,
  startYear: YEAR,
  seed: SEED,
  blockSize: N,
  observer: (k, _y, p) => {
    if (k === 0) pop = clonePopulation(p);
  },
});
const P = pop as unknown as Population;

const RULE: Rule = parseRule({
  all: [
    { field: "tradable", eq: "yes" },
    { field: "barrier_resource", gte: 3.5 },
    { field: "employees", lt: 50 },
    {
      field: "sector",
      in: ["knowledge_manufacturing", "traditional_manufacturing", "business_services"],
    },
  ],
}).rule!;

const classifiers = diagnoseClassifiers();
const positionCodes = new Uint8Array(P.capacity);
const stateCodes = new Uint8Array(P.capacity);
const columns = new PopulationColumns(classifiers.barrierLevel);
const eligible = new Uint8Array(P.capacity);
const compiled = compileRule(RULE);

const file = resolve(import.meta.dirname, "../../examples/scenarios/differentiated.yaml");
const parsed = parseScenario(readFileSync(file, "utf8"), { file });
if (!parsed.ok) throw new Error("differentiated.yaml does not parse");
const resolved = resolveScenario(parsed.value, file, (ref, from) => {
  const f = join(dirname(from), ref);
  return { ok: true, value: { file: f, text: readFileSync(f, "utf8") } };
});
if (!resolved.ok) throw new Error("differentiated.yaml does not resolve");
const system = resolved.value.systems.get("differentiated")!;

const hooks = programmeHooks(system);
const effects = allocateEffects(P.capacity);
const mask = new Uint8Array(P.capacity);
const rng = counterRng(SEED, 0);
let policyYear = YEAR;

const paths: Record<string, () => number> = {
  mask() {
    columns.bind(P, YEAR + 1, 0, P.n);
    compiled.mask(columns, 0, P.n, P.alive, eligible);
    let c = 0;
    for (let i = 0; i < P.n; i++) c += eligible[i];
    return c;
  },
  slow() {
    const profile = scratchProfile();
    let c = 0;
    for (let i = 0; i < P.n; i++) {
      if (P.alive[i] !== 1) continue;
      profileView(P, i, YEAR + 1, profile);
      const read = (f: string) => {
        const v = profile[f as keyof typeof profile] as unknown;
        return v === "unknown" || v === undefined ? null : (v as string | number | null);
      };
      if (ruleTruth(RULE, read) === TRUE) c++;
    }
    return c;
  },
  cache() {
    // What a policy year's eligibility pays for the same firms: the per-year diagnosis cache
    // (fresh each call, so nothing is cached).
    const cache = new DiagnosisCache(classifiers);
    cache.invalidate(P.capacity);
    cache.fill(P, YEAR + 1, 0, P.n, P.alive, positionCodes, stateCodes);
    let c = 0;
    for (let i = 0; i < P.n; i++) if (P.alive[i] === 1 && positionCodes[i] < 6) c++;
    return c;
  },
  classify() {
    const profile = scratchProfile();
    let c = 0;
    for (let i = 0; i < P.n; i++) {
      if (P.alive[i] !== 1) continue;
      profileView(P, i, YEAR + 1, profile);
      if (classifiers.position(profile) !== "undetermined" && classifiers.state(profile) !== "")
        c++;
    }
    return c;
  },
  year() {
    // One more simulated year each call (the diagnosis cache is per year, so it starts cold).
    policyYear++;
    let served = 0;
    for (const h of hooks) {
      mask.fill(0);
      effects.sunkCostOffset.fill(0);
      const ctx = {
        year: policyYear,
        yearIndex: policyYear - YEAR,
        start: 0,
        end: P.n,
        budgetShare: 1,
        rangeWeight: P.n,
        rng,
      };
      served += h.beforeDecision(ctx, P, effects, mask).takeUp;
    }
    return served;
  },
};

console.log(`firms ${P.n}, repeats ${REPEAT}, node ${process.version}`);
const only = process.argv.indexOf("--path");
const chosen = only >= 0 ? process.argv[only + 1].split(",") : Object.keys(paths);
for (const name of chosen) {
  const run = paths[name];
  if (run === undefined)
    throw new Error(`no path ${name}: one of ${Object.keys(paths).join(", ")}`);
  run(); // warm-up
  const times: number[] = [];
  let out = 0;
  for (let r = 0; r < REPEAT; r++) {
    const t0 = performance.now();
    out = run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const best = times[0];
  const nsPerFirm = (best * 1e6) / P.n;
  console.log(
    `${name.padEnd(9)} best ${best.toFixed(1).padStart(8)} ms  median ${times[Math.floor(REPEAT / 2)].toFixed(1).padStart(8)} ms  worst ${times[REPEAT - 1].toFixed(1).padStart(8)} ms  ${nsPerFirm.toFixed(0).padStart(6)} ns/firm  result ${out}`,
  );
}
