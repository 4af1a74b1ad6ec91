import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONTRADICTION_NAMES,
  contradictedPerspectives,
  DEFAULT_PARAMS,
  type DiagnoseParams,
  type DiagnosisColumns,
  diagnose,
  diagnoseColumns,
  LEVELS,
  POSITION_BASES,
  QUESTION_FIELDS,
  RECOMMENDATION_SCORES,
  RECOMMENDATION_WIDTH,
  STATE_BASES,
  UNDETERMINED,
  VERDICTS,
} from "../../src/diagnose/index.ts";
import {
  columnsRowToProfile,
  type Profile,
  type ProfileColumns,
  profilesToColumns,
} from "../../src/firm/index.ts";
import { ENTRY_MODES, INSTRUMENTS, POSITIONS, STATES } from "../../src/framework/index.ts";
import { arbitraryParams, archetypes } from "./columnar-fixtures.ts";
import { arbitraryProfile } from "./fixtures/arbitrary.ts";

const RUNS = { numRuns: 200, seed: 20261129 };
const batch = fc.array(arbitraryProfile, { minLength: 1, maxLength: 40 });

const name = (list: readonly string[], code: number) =>
  code === UNDETERMINED ? "undetermined" : list[code];
const bits = (fields: readonly string[]) =>
  fields.reduce((m, f) => m | (1 << (QUESTION_FIELDS as readonly string[]).indexOf(f)), 0);

/** Row i of the kernel's output, checked against the single-firm diagnosis of the same row. */
function expectRowAgrees(
  cols: ProfileColumns,
  out: DiagnosisColumns,
  i: number,
  params: DiagnoseParams,
): void {
  const d = diagnose(columnsRowToProfile(cols, i), { params });
  const at = `row ${i}`;
  expect(name(POSITIONS, out.position[i]), at).toBe(d.position.value);
  expect(out.position_confidence[i], at).toBe(d.position.confidence);
  expect(POSITION_BASES[out.position_basis[i]].basis, at).toBe(d.position.basis);
  expect(out.position_questions[i], at).toBe(bits(d.position.questions));
  if (d.position.value === "undetermined") {
    expect(POSITION_BASES[out.position_basis[i]].questions, at).toEqual(d.position.questions);
  }
  expect(name(STATES, out.state[i]), at).toBe(d.state.value);
  expect(out.state_confidence[i], at).toBe(d.state.confidence);
  expect(STATE_BASES[out.state_basis[i]].basis, at).toBe(d.state.basis);
  expect(out.state_questions[i], at).toBe(bits(d.state.questions));
  if (d.state.value === "undetermined") {
    expect(STATE_BASES[out.state_basis[i]].questions, at).toEqual(d.state.questions);
  }
  d.barriers.forEach((b, f) => {
    expect(out.barrier_score[i * 4 + f], `${at} ${b.family}`).toBe(b.score ?? Number.NaN);
    expect(LEVELS[out.barrier_level[i * 4 + f]], `${at} ${b.family}`).toBe(b.level);
  });
  const verdicts = ENTRY_MODES.map((_, m) => VERDICTS[(out.mode_verdicts[i] >> (2 * m)) & 3]);
  expect(verdicts, at).toEqual(
    ENTRY_MODES.map((m) => d.modes.modes.find((a) => a.mode === m)?.verdict),
  );
  const n = out.rec_count[i];
  const recs = Array.from({ length: n }, (_, k) => [
    INSTRUMENTS[out.rec_instrument[i * RECOMMENDATION_WIDTH + k]],
    RECOMMENDATION_SCORES[out.rec_score[i * RECOMMENDATION_WIDTH + k]],
  ]);
  expect(recs, at).toEqual(d.recommendations.map((r) => [r.instrument, r.score]));
  const contradicted = CONTRADICTION_NAMES.filter((_, k) => out.contradicted[i] & (1 << k));
  expect(contradicted.join(";"), at).toBe(contradictedPerspectives(d));
}

function expectAllAgree(profiles: Profile[], params: DiagnoseParams): void {
  const cols = profilesToColumns(profiles);
  const out = diagnoseColumns(cols, params);
  expect(out.length).toBe(profiles.length);
  for (let i = 0; i < cols.length; i++) expectRowAgrees(cols, out, i, params);
}

describe("diagnoseColumns agrees with diagnose row by row", () => {
  it("under the default params", () => {
    fc.assert(
      fc.property(batch, (profiles) => expectAllAgree(profiles, DEFAULT_PARAMS)),
      RUNS,
    );
  });

  it("under arbitrary valid params", () => {
    fc.assert(
      fc.property(batch, arbitraryParams, (profiles, params) => expectAllAgree(profiles, params)),
      RUNS,
    );
  });

  it("on the example archetypes (examples/firms.csv), default and shifted params", async () => {
    const profiles = await archetypes();
    expect(profiles.length).toBeGreaterThan(5);
    expectAllAgree(profiles, DEFAULT_PARAMS);
    expectAllAgree(profiles, {
      ...DEFAULT_PARAMS,
      experienced_min_years: 12,
      inv_min_export_share: 0.5,
      barrier_high: 3,
      barrier_low: 2,
      sunk_cost_high: 3,
      new_venture_max_age: 10,
      intensity_low_share: 0.3,
    });
  });

  it("on the survey firms with item answers (examples/firms-with-items.csv)", async () => {
    const profiles = await archetypes("firms-with-items.csv");
    expect(profiles.some((p) => p.barrier_items.resource.length > 0)).toBe(true);
    expectAllAgree(profiles, DEFAULT_PARAMS);
  });

  it("reuses an output big enough and replaces one too small", () => {
    fc.assert(
      fc.property(batch, batch, (a, b) => {
        const first = diagnoseColumns(profilesToColumns(a), DEFAULT_PARAMS);
        const cols = profilesToColumns(b);
        const second = diagnoseColumns(cols, DEFAULT_PARAMS, first);
        expect(second === first).toBe(b.length <= a.length);
        for (let i = 0; i < cols.length; i++) expectRowAgrees(cols, second, i, DEFAULT_PARAMS);
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
