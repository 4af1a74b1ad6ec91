import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DYNAMIC_STATES, deriveStates, RUN_ENDS, reentryGaps } from "../../../src/panel/index.ts";
import { frameFromRows, loadCsv, REF_DIR } from "./helpers.ts";

describe("export states and spells", () => {
  it("reproduces the reference spell table from the reference panel", async () => {
    const frame = await loadCsv("data/export_panel.csv");
    const r = deriveStates(frame, { export: "exporter" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const { spells, order } = r.value;
    const size = frame.columns.get("size");
    if (size?.kind !== "categorical") throw new Error("size should be categorical");
    const lines = [
      '"firm","size","start_year","end_year","duration","event","left_censored","panel_left_censored","spell_no"',
    ];
    for (let s = 0; s < spells.length; s++) {
      const row = order.order[spells.first_S[s]];
      lines.push(
        [
          order.firmLabels[spells.firm_S[s]],
          `"${size.levels[size.codes[row]]}"`,
          spells.start_S[s],
          spells.end_S[s],
          spells.duration_S[s],
          spells.event_S[s],
          spells.left_censored_S[s],
          spells.panel_left_censored_S[s],
          spells.spell_no_S[s],
        ].join(","),
      );
    }
    const expected = readFileSync(`${REF_DIR}data/export_spells.csv`, "utf8").trimEnd().split("\n");
    expect(lines).toEqual(expected);
  });

  it("labels states from the firm's own past", async () => {
    const exp = [0, 1, 1, 0, 0, 1, 0];
    const frame = await frameFromRows(exp.map((e, t) => ({ firm: "a", year: 2000 + t, exp: e })));
    const r = deriveStates(frame, { export: "exp" });
    if (!r.ok) throw new Error("failed");
    const names = Array.from(r.value.state_N, (s) => DYNAMIC_STATES[s]);
    expect(names).toEqual([
      "never_exported",
      "first_entry",
      "continuing",
      "exited",
      "exited",
      "re_entered",
      "exited",
    ]);
    expect(Array.from(r.value.spell_N)).toEqual([-1, 0, 0, -1, -1, 1, -1]);
    const gaps = reentryGaps(r.value);
    expect(Array.from(gaps.duration_S)).toEqual([2, 1]);
    expect(Array.from(gaps.event_S)).toEqual([1, 0]);
  });

  it("censors a spell at a missing year and flags the spell after it", async () => {
    const years = [2000, 2001, 2003, 2004, 2005];
    const exp = [1, 1, 1, 0, 1];
    const frame = await frameFromRows(years.map((y, t) => ({ firm: 7, year: y, exp: exp[t] })));
    const r = deriveStates(frame, { export: "exp" });
    if (!r.ok) throw new Error("failed");
    const s = r.value.spells;
    expect(s.length).toBe(3);
    expect(Array.from(s.duration_S)).toEqual([2, 1, 1]);
    expect(Array.from(s.event_S)).toEqual([0, 1, 0]);
    expect(Array.from(s.end_S_reason, (c) => RUN_ENDS[c])).toEqual(["gap", "event", "panel_end"]);
    expect(Array.from(s.left_censored_S)).toEqual([1, 0, 0]);
    expect(Array.from(s.after_gap_S)).toEqual([0, 1, 0]);
    // the year after the gap continues the observed export history
    expect(DYNAMIC_STATES[r.value.state_N[2]]).toBe("continuing");
  });

  it("distinguishes a firm leaving the data from the panel end", async () => {
    const frame = await frameFromRows([
      { firm: 1, year: 2000, exp: 1 },
      { firm: 1, year: 2001, exp: 1 },
      { firm: 2, year: 2000, exp: 0 },
      { firm: 2, year: 2001, exp: 1 },
      { firm: 2, year: 2002, exp: 1 },
    ]);
    const r = deriveStates(frame, { export: "exp" });
    if (!r.ok) throw new Error("failed");
    expect(Array.from(r.value.spells.end_S_reason, (c) => RUN_ENDS[c])).toEqual([
      "left_data",
      "panel_end",
    ]);
    expect(Array.from(r.value.spells.panel_left_censored_S)).toEqual([1, 0]);
  });

  it("derives export status from intensity and checks both agree", async () => {
    const frame = await loadCsv("data/export_panel.csv");
    const a = deriveStates(frame, { export: "exporter" });
    const b = deriveStates(frame, { intensity: "export_intensity" });
    if (!a.ok || !b.ok) throw new Error("failed");
    expect(Array.from(b.value.state_N)).toEqual(Array.from(a.value.state_N));
    const bad = await frameFromRows([
      { firm: 1, year: 2000, exp: 1, int: 0 },
      { firm: 1, year: 2001, exp: 0, int: 0 },
    ]);
    const r = deriveStates(bad, { export: "exp", intensity: "int" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ row: 1, field: "int", value: 0 });
  });

  it("rejects a non-binary status, naming row, field and value", async () => {
    const frame = await frameFromRows([
      { firm: 1, year: 2000, exp: 0 },
      { firm: 1, year: 2001, exp: 2 },
    ]);
    const r = deriveStates(frame, { export: "exp" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]).toMatchObject({ code: "invalid_value", row: 2, field: "exp", value: 2 });
      expect(r.issues[0].message).toContain("expected 0 or 1");
    }
  });

  it("rejects duplicate firm-years and missing columns", async () => {
    const dup = await frameFromRows([
      { firm: 1, year: 2000, exp: 0 },
      { firm: 1, year: 2000, exp: 1 },
    ]);
    const r = deriveStates(dup, { export: "exp" });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0]).toMatchObject({ code: "duplicate_firm_year", row: 2, field: "year" });
    const m = deriveStates(dup, { export: "nope" });
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.issues[0]).toMatchObject({ code: "missing_column", field: "nope" });
  });
});
