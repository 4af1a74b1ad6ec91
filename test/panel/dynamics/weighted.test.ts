import { describe, expect, it } from "vitest";
import {
  kaplanMeier,
  nelsonAalen,
  type SurvivalCurve,
  spellSurvival,
  transitions,
} from "../../../src/panel/index.ts";
import { expectClose, loadCsv, loadJson } from "./helpers.ts";

interface RefKM {
  time: number[];
  n_risk: number[];
  n_event: number[];
  n_censor: number[];
  surv: number[];
  std_err_R: number[];
  /** survfit's std.err is of -log S when true, of S when false (robust variance). */
  logse: boolean;
  lower95: (number | null)[];
  upper95: (number | null)[];
  cumhaz: number[];
  std_chaz: number[];
  median: number | null;
  median_lower: number | null;
  median_upper: number | null;
  rmean: number;
}
interface RefTab {
  counts: number[][];
  row_probabilities: number[][];
}
type Named = Record<string, number>;
const ref = loadJson<{
  transitions_weighted: { w_int: RefTab; w_frac: RefTab; w_frac_by_size: Record<string, RefTab> };
  wilson_3state: { lower: number[][]; upper: number[][] };
  transitions_gaps: { counts: number[][]; msm_statetable_successive_rows: number[][] };
  km_spells_w_int: RefKM;
  km_spells_w_frac: RefKM;
  km_spells_w_frac_cluster_firm: RefKM;
  km_spells_unweighted_cluster_firm: RefKM;
  nelson_aalen_w_int: { time: number[]; cumhaz: number[]; std_chaz: number[] };
  logrank_by_size_w_int: {
    chisq: number;
    df: number;
    p_value: number;
    observed: Named;
    expected: Named;
  };
  peto_by_size_unweighted: { chisq: number; observed: Named; expected: Named };
  km_by_size_w_int: Record<string, RefKM>;
  spells_gaps: { n_spells: number; n_events: number; durations: number[]; events: number[] };
  km_spells_gaps: RefKM;
  km_reentry: RefKM & { n_gaps: number };
  km_reentry_gaps_panel: RefKM;
  km_small_fractional: RefKM & { data: { t: number; e: number; w: number }[] };
}>("weighted-dynamics/reference_weighted_dynamics.json");
const weighted = await loadCsv("weighted-dynamics/export_panel_weighted.csv");
const gappy = await loadCsv("weighted-dynamics/export_panel_gaps.csv");
const nullToNaN = (a: (number | null)[]) => a.map((v) => (v === null ? Number.NaN : v));

function expectCurve(c: SurvivalCurve, want: RefKM): void {
  expect(c.time).toEqual(want.time);
  expectClose(c.n_risk, want.n_risk);
  expectClose(c.n_event, want.n_event);
  expectClose(c.n_censor, want.n_censor);
  expectClose(c.survival, want.surv);
  expectClose(want.logse ? c.std_err_log : c.std_err, want.std_err_R);
  expectClose(c.lower, nullToNaN(want.lower95));
  expectClose(c.upper, nullToNaN(want.upper95));
  expectClose(c.cumhaz, want.cumhaz);
  expectClose(c.std_err_cumhaz, want.std_chaz);
  expectClose(
    [c.median, c.median_lower, c.median_upper],
    nullToNaN([want.median, want.median_lower, want.median_upper]),
  );
  expectClose([c.rmean], [want.rmean]);
}

function trans(opts: Parameters<typeof transitions>[1], frame = weighted) {
  const r = transitions(frame, opts);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function surv(opts: Partial<Parameters<typeof spellSurvival>[1]>, frame = weighted) {
  const r = spellSurvival(frame, { state: "exporter", ...opts });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("weighted transitions against xtabs", () => {
  it("whole-number and fractional weights, overall and by size", async () => {
    for (const w of ["w_int", "w_frac"] as const) {
      const r = trans({ state: "export_state", weights: w });
      expectClose(r.overall.counts.flat(), ref.transitions_weighted[w].counts.flat());
      expectClose(
        r.overall.probabilities.flat(),
        ref.transitions_weighted[w].row_probabilities.flat(),
      );
    }
    const r = trans({ state: "export_state", weights: "w_frac", by: "size" });
    for (const g of r.groups) {
      expectClose(
        g.matrix.counts.flat(),
        ref.transitions_weighted.w_frac_by_size[g.group].counts.flat(),
      );
    }
  });
  it("Wilson intervals equal prop.test without continuity correction", async () => {
    const r = trans({ state: "export_state" });
    expectClose(r.overall.lower.flat(), ref.wilson_3state.lower.flat());
    expectClose(r.overall.upper.flat(), ref.wilson_3state.upper.flat());
  });
  it("a panel with missing years: only consecutive years count, unlike msm's statetable", async () => {
    const r = trans({ state: "export_state" }, gappy);
    expect(r.overall.counts).toEqual(ref.transitions_gaps.counts);
    expect(r.overall.counts).not.toEqual(ref.transitions_gaps.msm_statetable_successive_rows);
    const successive = ref.transitions_gaps.msm_statetable_successive_rows
      .flat()
      .reduce((a, b) => a + b);
    expect(r.overall.n_pairs + r.notes.gaps).toBe(successive);
  });
});

describe("weighted survival against survfit / survdiff", () => {
  it("whole-number case weights: Greenwood", async () => {
    const r = surv({ weights: "w_int" });
    expect(r.overall.variance).toBe("greenwood");
    expectCurve(r.overall, ref.km_spells_w_int);
  });
  it("fractional weights: robust variance, alone and clustered by firm", async () => {
    const r = surv({ weights: "w_frac" });
    expect(r.overall.variance).toBe("robust");
    expectCurve(r.overall, ref.km_spells_w_frac);
    expectCurve(
      surv({ weights: "w_frac", clusterByFirm: true }).overall,
      ref.km_spells_w_frac_cluster_firm,
    );
    expectCurve(
      surv({ variance: "robust", clusterByFirm: true }).overall,
      ref.km_spells_unweighted_cluster_firm,
    );
  });
  it("by size with whole-number weights, and the log-rank test on duplicated spells", async () => {
    const r = surv({ weights: "w_int", by: "size" });
    for (const g of r.groups) {
      const want = ref.km_by_size_w_int[g.group];
      expectClose(g.curve.survival, want.surv);
      expectClose(g.curve.std_err_log, want.std_err_R);
      expect(g.curve.median).toBe(want.median ?? Number.NaN);
    }
    const lr = r.logrank!;
    const want = ref.logrank_by_size_w_int;
    expectClose([lr.chisq, lr.p_value], [want.chisq, want.p_value]);
    expectClose(
      lr.observed,
      lr.groups.map((g) => want.observed[`size=${g}`]),
    );
    expectClose(
      lr.expected,
      lr.groups.map((g) => want.expected[`size=${g}`]),
    );
  });
  it("Peto-Peto (rho = 1)", async () => {
    const lr = surv({ by: "size", rho: 1 }).logrank!;
    const want = ref.peto_by_size_unweighted;
    expectClose([lr.chisq], [want.chisq]);
    expectClose(
      lr.observed,
      lr.groups.map((g) => want.observed[`size=${g}`]),
    );
    expectClose(
      lr.expected,
      lr.groups.map((g) => want.expected[`size=${g}`]),
    );
  });
  it("weighted Nelson-Aalen", async () => {
    const r = surv({});
    const w = Array.from(r.spells.firm_S, (f) => 1 + (Number(r.order.firmLabels[f]) % 3));
    const na = nelsonAalen(Array.from(r.spells.duration_S), Array.from(r.spells.event_S), w);
    expect(na.time).toEqual(ref.nelson_aalen_w_int.time);
    expectClose(na.cumhaz, ref.nelson_aalen_w_int.cumhaz);
    expectClose(na.std_err, ref.nelson_aalen_w_int.std_chaz);
  });
  it("a small fractional-weight example", async () => {
    const d = ref.km_small_fractional.data;
    const c = kaplanMeier(
      d.map((x) => x.t),
      d.map((x) => x.e),
      d.map((x) => x.w),
    );
    expectCurve(c, ref.km_small_fractional);
  });
});

describe("spells in a panel with missing years, and time to re-entry", () => {
  it("a missing year censors the spell", async () => {
    const r = surv({}, gappy);
    expect(r.n_spells).toBe(ref.spells_gaps.n_spells);
    expect(r.n_events).toBe(ref.spells_gaps.n_events);
    expect(Array.from(r.spells.duration_S)).toEqual(ref.spells_gaps.durations);
    expect(Array.from(r.spells.event_S)).toEqual(ref.spells_gaps.events);
    expectCurve(r.overall, ref.km_spells_gaps);
  });
  it("time to re-entry after an observed exit", async () => {
    const r = surv({ gaps: true });
    expect(r.n_spells).toBe(ref.km_reentry.n_gaps);
    expectCurve(r.overall, ref.km_reentry);
    expectCurve(surv({ gaps: true }, gappy).overall, ref.km_reentry_gaps_panel);
  });
});
