/**
 * Programme targeting classifies a simulated population a year at a time with the diagnose
 * module's columnar kernels (DiagnosisCache with `params`): every slot must get the position and
 * state the per-profile classifiers give its profile, under default and changed thresholds.
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

describe("columnar classification of a simulated population", () => {
  it.each([
    ["default thresholds", DEFAULT_PARAMS],
    [
      "changed thresholds",
      {
        ...DEFAULT_PARAMS,
        barrier_high: 3,
        experienced_min_years: 2,
        inv_max_years_to_first_export: 5,
      } as DiagnoseParams,
    ],
  ])("gives each slot the per-profile position and state (%s)", (_, params) => {
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
