import { describe, expect, it } from "vitest";
import {
  kaplanMeier,
  logRank,
  nelsonAalen,
  restrictedMean,
  spellSurvival,
  survivalQuantileTime,
} from "../../../src/panel/index.ts";
import { expectClose, frameFromRows, loadCsv, loadJson } from "./helpers.ts";

interface RefKM {
  time: number[];
  n_risk: number[];
  n_event: number[];
  n_censor: number[];
  surv: number[];
  std_err_logS: number[];
  se_S_greenwood?: number[];
  lower95?: number[];
  upper95?: number[];
  median?: number;
  rmean?: number;
}
const ref = loadJson<{
  km_all_spells: RefKM;
  km_excluding_left_censored: RefKM;
  km_first_spell_only: RefKM;
  km_by_size: Record<string, RefKM>;
  logrank_by_size: {
    chisq: number;
    df: number;
    p_value: number;
    observed: Record<string, number>;
    expected: Record<string, number>;
  };
  nelson_aalen_cumhaz: { time: number[]; cumhaz: number[]; surv_fleming_harrington: number[] };
  spells: { n_spells: number; n_events: number; n_left_censored: number };
}>("reference_export_dynamics.json");
const panel = await loadCsv("data/export_panel.csv");

function run(opts: Partial<Parameters<typeof spellSurvival>[1]> = {}) {
  const r = spellSurvival(panel, { state: "exporter", ...opts });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function expectCurve(c: ReturnType<typeof kaplanMeier>, want: RefKM): void {
  expect(c.time).toEqual(want.time);
  expectClose(c.n_risk, want.n_risk);
  expectClose(c.n_event, want.n_event);
  expectClose(c.n_censor, want.n_censor);
  expectClose(c.survival, want.surv);
  expectClose(c.std_err_log, want.std_err_logS);
  if (want.se_S_greenwood) expectClose(c.std_err, want.se_S_greenwood);
  if (want.lower95) expectClose(c.lower, want.lower95);
  if (want.upper95) expectClose(c.upper, want.upper95);
  if (want.median !== undefined) expect(c.median).toBe(want.median);
  if (want.rmean !== undefined) expectClose([c.rmean], [want.rmean]);
}

describe("Kaplan-Meier of export spells against R survival", () => {
  it("all spells", async () => {
    const r = run();
    expect(r.n_spells).toBe(ref.spells.n_spells);
    expect(r.n_events).toBe(ref.spells.n_events);
    expect(r.n_left_censored).toBe(ref.spells.n_left_censored);
    expectCurve(r.overall, ref.km_all_spells);
  });
  it("excluding left-censored spells", async () => {
    const r = run({ excludeLeftCensored: true });
    expect(r.notes.excluded_left_censored).toBe(ref.spells.n_left_censored);
    expectCurve(r.overall, ref.km_excluding_left_censored);
  });
  it("first spell only", async () => {
    expectCurve(run({ firstSpellOnly: true }).overall, ref.km_first_spell_only);
  });
  it("by size, with the log-rank test", async () => {
    const r = run({ by: "size" });
    for (const g of r.groups) expectCurve(g.curve, ref.km_by_size[`size=${g.group}`]);
    const lr = r.logrank!;
    expectClose([lr.chisq, lr.p_value], [ref.logrank_by_size.chisq, ref.logrank_by_size.p_value]);
    expect(lr.df).toBe(ref.logrank_by_size.df);
    expectClose(
      lr.observed,
      lr.groups.map((g) => ref.logrank_by_size.observed[`size=${g}`]),
    );
    expectClose(
      lr.expected,
      lr.groups.map((g) => ref.logrank_by_size.expected[`size=${g}`]),
    );
  });
  it("Nelson-Aalen cumulative hazard", async () => {
    const r = run();
    const na = nelsonAalen(Array.from(r.spells.duration_S), Array.from(r.spells.event_S));
    expect(na.time).toEqual(ref.nelson_aalen_cumhaz.time);
    expectClose(na.cumhaz, ref.nelson_aalen_cumhaz.cumhaz);
    expectClose(na.survival, ref.nelson_aalen_cumhaz.surv_fleming_harrington);
  });
  it("the export state code (0/1/2) gives the same spells as the 0/1 status", async () => {
    expect(run({ state: "export_state" }).overall).toEqual(run().overall);
  });
});

describe("survival details", () => {
  it("median halfway when the curve sits at exactly 0.5, as survfit", async () => {
    const c = kaplanMeier([1, 2, 3, 4], [1, 1, 1, 1]);
    expect(c.survival).toEqual([0.75, 0.5, 0.25, 0]);
    expect(c.median).toBe(2.5);
    expect(c.std_err_log[3]).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(c.lower[3])).toBe(true);
    expect(c.rmean).toBe(2.5);
    expect(survivalQuantileTime([0.9, 0.8], [1, 2])).toBeNaN();
    expect(restrictedMean([2, 4], [0.5, 0.25], 6)).toBe(2 + 2 * 0.5 + 2 * 0.25);
  });

  it("all-ones weights equal unweighted; integer weights equal duplicated spells", async () => {
    const t = [1, 2, 2, 3, 5, 5, 6];
    const e = [1, 1, 0, 1, 0, 1, 1];
    const g = Int32Array.from([0, 1, 0, 1, 0, 1, 0]);
    expect(
      kaplanMeier(
        t,
        e,
        t.map(() => 1),
      ),
    ).toEqual(kaplanMeier(t, e));
    const k = [2, 1, 3, 1, 2, 1, 1];
    const dt = t.flatMap((v, i) => Array(k[i]).fill(v));
    const de = e.flatMap((v, i) => Array(k[i]).fill(v));
    const dg = Int32Array.from(Array.from(g).flatMap((v, i) => Array(k[i]).fill(v)));
    const a = kaplanMeier(t, e, k);
    const b = kaplanMeier(dt, de);
    expect(a.variance).toBe("greenwood");
    expect(a.survival).toEqual(b.survival);
    expectClose(a.std_err, b.std_err, 1e-12);
    expectClose(a.upper, b.upper, 1e-12);
    const la = logRank(t, e, g, ["a", "b"], k);
    const lb = logRank(dt, de, dg, ["a", "b"]);
    expectClose([la.chisq], [lb.chisq], 1e-12);
  });

  it("fractional weights switch to the robust variance (checked against R in weighted.test.ts)", async () => {
    const t = [1, 2, 2, 3, 5];
    const e = [1, 1, 0, 1, 1];
    const w = [1, 2.5, 1, 0.5, 1];
    const robust = kaplanMeier(t, e, w);
    const greenwood = kaplanMeier(t, e, w, { variance: "greenwood" });
    expect(robust.variance).toBe("robust");
    expect(robust.survival).toEqual(greenwood.survival);
    expect(robust.std_err[0]).not.toBeCloseTo(greenwood.std_err[0], 6);
  });

  it("time to re-entry counts only gaps that start with an observed exit", async () => {
    const rows = [0, 1, 0, 0, 1, 1, 0].map((x, t) => ({ firm: 1, year: 2000 + t, x }));
    const r = spellSurvival(await frameFromRows(rows), { state: "x", gaps: true });
    if (!r.ok) throw new Error("failed");
    expect(r.value.kind).toBe("reentry_gaps");
    expect(r.value.overall.time).toEqual([1, 2]);
    expect(r.value.overall.n_event).toEqual([0, 1]);
  });

  it("rejects a negative export measure naming the row", async () => {
    const rows = [0, 1, -1].map((x, t) => ({ firm: 1, year: 2000 + t, x }));
    const r = spellSurvival(await frameFromRows(rows), { state: "x" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ row: 3, field: "x", value: -1 });
  });
});
