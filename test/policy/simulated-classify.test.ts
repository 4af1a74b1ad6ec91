/**
 * Programme targeting classifies simulated firms from the population's columns
 * (simulated-classify.ts, used by DiagnosisCache with `params`): every slot must get the
 * position and state the diagnose module's classifiers give its profile (`profileView`), under
 * default and changed thresholds, and with answers a register can leave unknown.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PARAMS, type DiagnoseParams } from "../../src/diagnose/index.ts";
import { type Classifiers, DiagnosisCache, diagnoseClassifiers } from "../../src/policy/index.ts";
import {
  allocateScenario,
  defaultParams,
  type Population,
  simulateBlocks,
} from "../../src/simulate/index.ts";

const YEAR = 2027;
const N = 4000;
let pop: Population;

beforeAll(() => {
  // Every kind of export record: a burn-in, then three years with frequent exits and projects.
  const s = [allocateScenario(N, [])];
  const params = { ...defaultParams(), projectEndProb: 0.5, deathHazardYoung: 0.3 };
  const plan = {
    firms: N,
    years: 3,
    startYear: YEAR - 2,
    burnIn: 12,
    blockSize: 1000,
    seed: 9,
    params,
  };
  simulateBlocks(plan, 0, [0, 1, 2, 3], s, null);
  pop = s[0].pop;
});

/** Leaves some answers unknown, as a register can: scores, shares and export years. */
function spoil(p: Population): void {
  for (let i = 0; i < N; i++) {
    if (i % 11 === 0) p.barrierResource[i] = Number.NaN;
    if (i % 13 === 0) p.exportShare[i] = Number.NaN;
    if (i % 17 === 0) p.firstExportYear[i] = -1;
    if (i % 19 === 0) p.lastExportYear[i] = -1;
  }
}

function classify(classifiers: Classifiers, rows: Uint8Array) {
  const cache = new DiagnosisCache(classifiers);
  cache.invalidate(N);
  const position = new Uint8Array(N).fill(99);
  const state = new Uint8Array(N).fill(99);
  // Two ranges, as blocks call it, the second overlapping nothing already stamped.
  cache.fill(pop, YEAR, 0, 1500, rows, position, state);
  cache.fill(pop, YEAR, 1500, N, rows, position, state);
  return { position, state, classified: cache.classified };
}

describe("classification of a simulated population from its columns", () => {
  it.each([
    ["default thresholds", DEFAULT_PARAMS, false],
    ["default thresholds, unknown scores, shares and export years", DEFAULT_PARAMS, true],
    [
      "changed thresholds",
      {
        ...DEFAULT_PARAMS,
        barrier_high: 3,
        experienced_min_years: 2,
        inv_max_years_to_first_export: 5,
      } as DiagnoseParams,
      false,
    ],
  ] as const)("gives each slot the per-profile position and state (%s)", (_, params, holes) => {
    if (holes) spoil(pop);
    const columnar = diagnoseClassifiers(params);
    expect(columnar.params).toBe(params);
    const { params: _omit, ...perProfile } = columnar;
    const rows = new Uint8Array(N);
    for (let i = 0; i < N; i++) rows[i] = i % 7 === 3 ? 0 : 1;
    const a = classify(columnar, rows);
    const b = classify(perProfile, rows);
    expect(a.classified).toBe(b.classified);
    expect([...a.position]).toEqual([...b.position]);
    expect([...a.state]).toEqual([...b.state]);
    // Not vacuous: unselected rows stay untouched, and several positions and states occur.
    expect(a.position[3]).toBe(99);
    expect(new Set(a.position).size).toBeGreaterThan(4);
    expect(new Set(a.state).size).toBeGreaterThan(3);
  });
});
