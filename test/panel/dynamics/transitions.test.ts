import { describe, expect, it } from "vitest";
import {
  matrixPower,
  rowIntervals,
  scoreInterval,
  stationaryDistribution,
  transitions,
} from "../../../src/panel/index.ts";
import { expectClose, frameFromRows, loadCsv, loadJson } from "./helpers.ts";

interface RefTab {
  states: number[];
  counts: number[][];
  row_probabilities: number[][];
  n_transitions: number;
  two_step_P2?: number[][];
  stationary?: number[];
}
const ref = loadJson<{
  transitions_3state: RefTab;
  transitions_binary_exporter: RefTab;
  transitions_3state_by_size: { small: RefTab; medium: RefTab };
}>("reference_export_dynamics.json");
const panel = await loadCsv("data/export_panel.csv");

function run(opts: Parameters<typeof transitions>[1], frame = panel) {
  const r = transitions(frame, opts);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("transition matrices against the R reference", () => {
  it("3-state counts and row probabilities", async () => {
    const r = run({ state: "export_state" });
    expect(r.overall.states).toEqual(["0", "1", "2"]);
    expect(r.overall.counts).toEqual(ref.transitions_3state.counts);
    expectClose(r.overall.probabilities.flat(), ref.transitions_3state.row_probabilities.flat());
    expect(r.overall.n_transitions).toBe(ref.transitions_3state.n_transitions);
    expect(r.notes).toEqual({ gaps: 0, missing_state: 0, missing_group: 0 });
  });

  it("binary exporter matrix", async () => {
    const r = run({ state: "exporter" });
    expect(r.overall.counts).toEqual(ref.transitions_binary_exporter.counts);
    expectClose(
      r.overall.probabilities.flat(),
      ref.transitions_binary_exporter.row_probabilities.flat(),
    );
  });

  it("by size", async () => {
    const r = run({ state: "export_state", by: "size" });
    expect(r.groups.map((g) => g.group)).toEqual(["medium", "small"]);
    for (const g of r.groups) {
      const want = ref.transitions_3state_by_size[g.group as "small" | "medium"];
      expect(g.matrix.counts).toEqual(want.counts);
      expectClose(g.matrix.probabilities.flat(), want.row_probabilities.flat());
    }
  });

  it("two-step matrix and stationary distribution", async () => {
    const P = run({ state: "export_state" }).overall.probabilities;
    expectClose(matrixPower(P, 2).flat(), ref.transitions_3state.two_step_P2!.flat());
    expectClose(stationaryDistribution(P), ref.transitions_3state.stationary!);
  });

  it("intensity bands reproduce the 3 export states", async () => {
    const r = run({ state: "export_intensity", bands: [0, 0.2499] });
    expect(r.overall.states).toEqual(["<=0", "(0,0.2499]", ">0.2499"]);
    expect(r.overall.counts).toEqual(ref.transitions_3state.counts);
  });
});

describe("gaps, weights and intervals", () => {
  const rows = [
    { firm: "a", year: 2000, s: "x", w: 2 },
    { firm: "a", year: 2001, s: "y", w: 1 },
    { firm: "a", year: 2003, s: "x", w: 5 }, // 2002 missing: 2001 -> 2003 is not a transition
    { firm: "a", year: 2004, s: "x", w: 1 },
    { firm: "b", year: 2001, s: "y", w: 3 },
    { firm: "b", year: 2000, s: "y", w: 1 }, // unsorted input
  ];
  it("counts only consecutive years of the same firm", async () => {
    const r = transitions(await frameFromRows(rows), { state: "s" });
    if (!r.ok) throw new Error("failed");
    expect(r.value.overall.counts).toEqual([
      [1, 1],
      [0, 1],
    ]);
    expect(r.value.notes.gaps).toBe(1);
  });

  it("weights the pair by the weight at year t", async () => {
    const r = transitions(await frameFromRows(rows), { state: "s", weights: "w" });
    if (!r.ok) throw new Error("failed");
    expect(r.value.overall.counts).toEqual([
      [5, 2],
      [0, 1],
    ]);
  });

  it("all-ones weights equal unweighted; integer weights equal duplicated firms", async () => {
    const ones = await frameFromRows(rows.map((r) => ({ ...r, w: 1 })));
    const a = transitions(ones, { state: "s", weights: "w" });
    const b = transitions(ones, { state: "s" });
    if (!a.ok || !b.ok) throw new Error("failed");
    expect(a.value.overall).toEqual(b.value.overall);
    const firmW = [
      { firm: "a", k: 2 },
      { firm: "b", k: 3 },
    ];
    const weighted = await frameFromRows(rows.map((r) => ({ ...r, w: r.firm === "a" ? 2 : 3 })));
    const dup = await frameFromRows(
      firmW.flatMap(({ firm, k }) =>
        Array.from({ length: k }, (_, c) =>
          rows.filter((r) => r.firm === firm).map((r) => ({ ...r, firm: `${firm}${c}` })),
        ).flat(),
      ),
    );
    const c = transitions(weighted, { state: "s", weights: "w" });
    const d = transitions(dup, { state: "s" });
    if (!c.ok || !d.ok) throw new Error("failed");
    expect(c.value.overall.counts).toEqual(d.value.overall.counts);
    expectClose(c.value.overall.lower.flat(), d.value.overall.lower.flat(), 1e-12);
  });

  it("rejects a negative weight naming the row", async () => {
    const bad = await frameFromRows(rows.map((r, i) => ({ ...r, w: i === 3 ? -1 : 1 })));
    const r = transitions(bad, { state: "s", weights: "w" });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0]).toMatchObject({ code: "invalid_weight", row: 4, field: "w", value: -1 });
  });

  it("keeps given states in order, including absent ones", async () => {
    const r = transitions(await frameFromRows(rows), { state: "s", levels: ["z", "y", "x"] });
    if (!r.ok) throw new Error("failed");
    expect(r.value.overall.counts).toEqual([
      [0, 0, 0],
      [0, 1, 0],
      [0, 1, 1],
    ]);
    expect(r.value.overall.probabilities[0].every(Number.isNaN)).toBe(true);
  });

  it("Wilson interval contains p and Goodman is the Bonferroni score interval", async () => {
    const [lo, hi] = scoreInterval(30, 100, 1.959963984540054);
    expect(lo).toBeLessThan(0.3);
    expect(hi).toBeGreaterThan(0.3);
    // Wilson closed form at p = 0.3, n = 100
    const z = 1.959963984540054;
    const centre = (0.3 + (z * z) / 200) / (1 + (z * z) / 100);
    expect((lo + hi) / 2).toBeCloseTo(centre, 12);
    const good = rowIntervals([10, 20, 70], 0.95, "goodman");
    const bonf = rowIntervals([10, 20, 70], 1 - 0.05 / 3, "wilson");
    expectClose(good.lower, bonf.lower, 1e-12);
    expectClose(good.upper, bonf.upper, 1e-12);
    expect(good.upper[0] - good.lower[0]).toBeGreaterThan(
      rowIntervals([10, 20, 70], 0.95, "wilson").upper[0] -
        rowIntervals([10, 20, 70], 0.95, "wilson").lower[0],
    );
  });
});

describe("state codes", () => {
  it("orders numeric and text states naturally and handles an all-missing column", async () => {
    const { groupCodes } = await import("../../../src/panel/dynamics/columns.ts");
    const { numeric, categorical } = await import("../../../src/io/index.ts");
    const a = groupCodes(numeric(Float64Array.from([10, 2, Number.NaN, 2.5, 2])));
    expect(a.labels).toEqual(["2", "2.5", "10"]);
    expect(Array.from(a.codes)).toEqual([2, 0, -1, 1, 0]);
    const b = groupCodes(numeric(Float64Array.from([30, 1, 30])));
    expect(b.labels).toEqual(["1", "30"]);
    expect(Array.from(b.codes)).toEqual([1, 0, 1]);
    const c = groupCodes(
      categorical(Int32Array.from([0, 1, 2, -1]), ["size 10", "size 2", "unused", "b"]),
    );
    expect(c.labels).toEqual(["size 2", "size 10", "unused"]);
    expect(Array.from(c.codes)).toEqual([1, 0, 2, -1]);
    expect(groupCodes(numeric(Float64Array.from([Number.NaN]))).labels).toEqual([]);
  });
});

describe("panel order", () => {
  it("sorts far-apart and text ids the same way as small ones", async () => {
    const rows = (ids: (string | number)[]) =>
      ids.flatMap((id, f) =>
        [2001, 2000, 2002].map((year, t) => ({ firm: id, year, s: (f + t) % 2 })),
      );
    const small = transitions(await frameFromRows(rows([1, 2])), { state: "s" });
    const far = transitions(await frameFromRows(rows([1e12, 5])), { state: "s" });
    const text = transitions(await frameFromRows(rows(["b", "a"])), { state: "s" });
    if (!small.ok || !far.ok || !text.ok) throw new Error("failed");
    // by year each firm reads (1, 0, 0) or (0, 1, 1): 1->0, 0->0, 0->1, 1->1
    expect(small.value.overall.counts).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(far.value.overall.counts).toEqual(small.value.overall.counts);
    expect(text.value.overall.counts).toEqual(small.value.overall.counts);
  });
});

describe("transitions between derived internationalization states", () => {
  it("agree with the reference binary matrix and respect structural zeros", async () => {
    const { deriveStates, stateColumn, DYNAMIC_STATES } = await import(
      "../../../src/panel/index.ts"
    );
    const { frameFromColumns } = await import("../../../src/io/index.ts");
    const st = deriveStates(panel, { export: "exporter" });
    if (!st.ok) throw new Error("failed");
    const cols = Object.fromEntries(panel.names.map((n) => [n, panel.columns.get(n)!]));
    const frame = frameFromColumns({ ...cols, derived: stateColumn(st.value) });
    const m = run({ state: "derived", levels: [...DYNAMIC_STATES] }, frame).overall;
    const c = (a: string, b: string) =>
      m.counts[DYNAMIC_STATES.indexOf(a as never)][DYNAMIC_STATES.indexOf(b as never)];
    const [[, enter], [exit]] = ref.transitions_binary_exporter.counts;
    expect(c("never_exported", "first_entry") + c("exited", "re_entered")).toBe(enter);
    expect(c("first_entry", "exited") + c("continuing", "exited") + c("re_entered", "exited")).toBe(
      exit,
    );
    expect(c("never_exported", "continuing")).toBe(0);
    expect(c("exited", "never_exported")).toBe(0);
    expect(m.n_transitions).toBe(ref.transitions_binary_exporter.n_transitions);
  });
});
