// Formula parsing, row selection (missing values, lags across gaps, singletons) and collinearity.
import { describe, expect, it } from "vitest";
import { frameFromColumns, numeric } from "../../../src/io/index.ts";
import { estimate, parseFormula, preparePanel } from "../../../src/panel/index.ts";

const nan = Number.NaN;
function frame(cols: Record<string, number[]>) {
  return frameFromColumns(
    Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, numeric(Float64Array.from(v))])),
  );
}

describe("formula", () => {
  it("expands lag ranges and leads with fixest names, and reads fixed effects", () => {
    const r = parseFormula("y ~ x1 + l(x3, 0:2) + f(x4, 1) | firm + year");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.terms.map((t) => t.name)).toEqual([
      "x1",
      "x3",
      "l(x3, 1)",
      "l(x3, 2)",
      "f(x4, 1)",
    ]);
    expect(r.value.terms.map((t) => t.shift)).toEqual([0, 0, 1, 2, -1]);
    expect(r.value.fixedEffects).toEqual(["firm", "year"]);
    expect(r.value.intercept).toBe(true);
  });
  it("reads i(x) as a factor term", () => {
    const r = parseFormula("y ~ i(size) + x");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.terms[0]).toEqual({ name: "i(size)", column: "size", shift: 0, factor: true });
  });
  it("drops the intercept with - 1 or 0 +", () => {
    for (const text of ["y ~ x - 1", "y ~ 0 + x"]) {
      const r = parseFormula(text);
      expect(r.ok && r.value.intercept).toBe(false);
    }
  });
  it("reports unreadable terms and periods", () => {
    const bad = parseFormula("y ~ log(x) + l(z, a)");
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues.map((i) => i.message).join("\n")).toMatch(/cannot read term "log\(x\)"/);
      expect(bad.issues.map((i) => i.message).join("\n")).toMatch(
        /cannot read the periods in "l\(z, a\)"/,
      );
    }
    expect(parseFormula("y x").ok).toBe(false);
  });
  it("names an unknown column and suggests the right spelling", () => {
    const f = frame({ firm: [1, 1], year: [1, 2], Sales: [1, 2], y: [1, 2] });
    const r = estimate(f, "y ~ sales", { id: "firm", time: "year" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].code).toBe("missing_column");
      expect(r.issues[0].message).toContain('"sales" is not in the data (did you mean "Sales"?)');
    }
  });
});

describe("lags follow the time index", () => {
  // Rows deliberately out of order; firm 1 has no 2002.
  const f = frame({
    firm: [1, 1, 1, 2, 2, 2, 1],
    year: [2003, 2000, 2001, 2000, 2001, 2002, 2004],
    x: [3, 1, 2, 10, 20, 30, 4],
    y: [1, 2, 3, 4, 5, 6, 7],
  });
  const spec = parseFormula("y ~ l(x, 1) + f(x, 1)");
  if (!spec.ok) throw new Error("formula");
  it("a gap gives a missing lag, not the previous row's value", () => {
    const p = preparePanel(f, spec.value, { id: "firm", time: "year" });
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    const byRow = new Map<number, [number, number]>();
    p.value.rows.forEach((r, i) => {
      byRow.set(r, [p.value.X[0][i], p.value.X[1][i]]);
    });
    // firm 1, 2001: lag 1 (2000), lead 3? no: 2002 missing -> row dropped
    expect(byRow.has(2)).toBe(false);
    // firm 1, 2003: lag (2002) missing -> dropped; 2004 is last -> lead missing -> dropped
    expect(byRow.has(0)).toBe(false);
    // firm 2, 2001: lag 10 (2000), lead 30 (2002)
    expect(byRow.get(4)).toEqual([10, 30]);
    expect(p.value.ledger.missingBy["l(x, 1)"]).toBe(3);
    expect(p.value.ledger.missingBy["f(x, 1)"]).toBe(3);
    expect(p.value.ledger.droppedMissing).toBe(6);
  });
  it("duplicate unit-period pairs are an error when lags are used", () => {
    const g = frame({ firm: [1, 1], year: [2000, 2000], x: [1, 2], y: [1, 2] });
    const p = preparePanel(g, spec.value, { id: "firm", time: "year" });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.issues[0].code).toBe("duplicate_panel_index");
  });
});

describe("row selection ledger", () => {
  const f = frame({
    firm: [1, 1, 1, 2, 2, 3, 4, 4],
    year: [1, 2, 3, 1, 2, 1, 1, 2],
    x: [1, 2, 4, 3, 5, nan, 2, 1],
    z: [1, 1, 1, 2, 2, 3, 4, 4],
    y: [1, 3, 2, 5, 4, 6, 1, 2],
  });
  it("counts rows dropped for missing values and keeps singletons by default", () => {
    const r = estimate(f, "y ~ x | firm", { id: "firm", time: "year" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.summary.ledger.rowsDroppedMissing).toBe(1);
    expect(r.value.summary.ledger.missingBy).toEqual({ x: 1 });
    expect(r.value.summary.nobs).toBe(7);
    expect(r.value.summary.ledger.singletonsDropped).toBe(0);
  });
  it("drops singletons iteratively on request and says how many", () => {
    const g = frame({
      firm: [1, 1, 1, 2, 2, 3, 3],
      year: [1, 2, 3, 1, 2, 1, 4],
      x: [1, 2, 4, 3, 5, 2, 7],
      y: [1, 3, 2, 5, 4, 6, 1],
    });
    // year 4 occurs once; without it firm 3 is a singleton; then year 3 is one: three passes.
    const p = parseFormula("y ~ x | firm + year");
    if (!p.ok) throw new Error("formula");
    const drop = preparePanel(g, p.value, { id: "firm", time: "year", singletons: "drop" });
    const keep = preparePanel(g, p.value, { id: "firm", time: "year" });
    if (!drop.ok || !keep.ok) throw new Error("prepare");
    expect(drop.value.ledger.singletonsDropped).toBe(3);
    expect(drop.value.n).toBe(4);
    expect(keep.value.n).toBe(7);
    const r = estimate(g, "y ~ x | firm + year", { id: "firm", time: "year", singletons: "drop" });
    // 4 rows, 1 slope, 2 + 2 - 1 = 3 effect parameters: no residual degrees of freedom left.
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].code).toBe("not_identified");
  });
  it("drops a regressor constant within firm with a note naming the fixed effect", () => {
    const r = estimate(f, "y ~ x + z | firm", { id: "firm", time: "year" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(Object.keys(r.value.summary.coefficients)).toEqual(["x"]);
    expect(r.value.summary.notes.join("\n")).toContain(
      "z dropped: collinear with the fixed effects (firm)",
    );
  });
});
