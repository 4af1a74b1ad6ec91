import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/diagnose/index.ts";
import { known, make, pastExporter } from "./fixtures/profiles.ts";

describe("ask_next", () => {
  it("asks first what decides an undetermined position", () => {
    const d = diagnose(known({ plans_to_export: "unknown", barrier_resource: 5 }));
    expect(d.position.value).toBe("undetermined");
    expect(d.ask_next[0].field).toBe("plans_to_export");
    expect(d.ask_next[0].would_change).toContain("position");
    expect(d.ask_next[0].candidates).toEqual(["yes", "no"]);
  });

  it("ranks by computed decisiveness and leaves out questions that change nothing", () => {
    const d = diagnose(make({ assessed: 2024 }));
    const scores = d.ask_next.map((q) => q.decisiveness);
    expect(scores.length).toBeGreaterThan(3);
    for (const q of d.ask_next) {
      expect(q.decisiveness).toBe(q.would_change.length);
      expect(q.decisiveness).toBeGreaterThan(0);
    }
    // founder_same_industry is read by no rule, so knowing it changes nothing.
    expect(d.ask_next.map((q) => q.field)).not.toContain("founder_same_industry");
  });

  it("asks nothing about fields that are known", () => {
    const d = diagnose(known());
    for (const q of d.ask_next)
      expect(known()[q.field]).toSatisfy((v: unknown) => v === null || v === "unknown");
  });
});

describe("what_would_move", () => {
  it("domestic by choice moves with the intention to export", () => {
    const d = diagnose(known());
    const m = d.what_would_move.find(
      (x) => x.changes.length === 1 && x.changes[0].id === "intend_to_export",
    );
    expect(m?.position.to).toBe("export_capable");
  });

  it("a willing but unable firm needs a pair: a resource route plus a first export", () => {
    const d = diagnose(known({ plans_to_export: "yes", barrier_resource: 5 }));
    expect(d.position.value).toBe("export_capable");
    expect(d.what_would_move.length).toBeGreaterThan(0);
    for (const m of d.what_would_move) expect(m.changes).toHaveLength(2);
    const pairs = d.what_would_move.map((m) =>
      m.changes
        .map((c) => c.id)
        .sort()
        .join("+"),
    );
    expect(pairs).toContain("first_export+link_larger_firm");
    expect(pairs).toContain("first_export+founder_export_experience");
    expect(pairs).toContain("first_export+lower_resource_barrier");
    for (const m of d.what_would_move) expect(m.position.to).toBe("inexperienced_exporter");
  });

  it("a disappointed firm moves to disinterested by planning to export again", () => {
    const d = diagnose(pastExporter({ plans_to_export: "no" }));
    const m = d.what_would_move.find((x) => x.changes[0].id === "intend_to_export");
    expect(m?.state).toEqual({ from: "withdrawn_disappointed", to: "withdrawn_disinterested" });
  });

  it("lists only changes that really move the firm (re-checked here)", () => {
    const d = diagnose(pastExporter({ plans_to_export: "yes" }));
    for (const m of d.what_would_move) {
      const moved = m.position.to !== m.position.from || m.state.to !== m.state.from;
      expect(moved).toBe(true);
    }
  });
});

describe("trace", () => {
  it("records every rule with its inputs, params and result when asked", () => {
    const d = diagnose(known({ plans_to_export: "yes" }), { trace: true });
    const rules = d.trace.map((t) => t.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        "position.spectrum",
        "state.current",
        "barriers.families",
        "modes.guidance",
        "table1.reading",
      ]),
    );
    const pos = d.trace.find((t) => t.rule === "position.spectrum")!;
    expect(pos.inputs.plans_to_export).toBe("yes");
    expect(pos.params.inv_max_years_to_first_export).toBe(3);
    expect((pos.value as { value: string }).value).toBe("export_capable");
    expect(rules.filter((r) => r.startsWith("recommend.") && !r.endsWith(".excluded")).length).toBe(
      21,
    );
  });

  it("says why an instrument was ruled out", () => {
    const d = diagnose(known({ tradable: "no" }), { trace: true });
    const inv = d.trace.find((t) => t.rule === "recommend.inv_accelerator.excluded");
    expect(inv?.value).toBe("not for position non_tradable");
    const old = diagnose(known({ plans_to_export: "yes", tech_intensity: "high", founded: 1990 }), {
      trace: true,
    }).trace.find((t) => t.rule === "recommend.inv_accelerator.excluded");
    expect(old?.value).toBe("fails refine.inv_accelerator.young");
  });

  it("is empty without tracing, with the same conclusions", () => {
    const p = known({ plans_to_export: "yes", prefers_control: "unknown" });
    const fast = diagnose(p);
    const traced = diagnose(p, { trace: true });
    expect(fast.trace).toEqual([]);
    const plain = (d: unknown) => ({ ...JSON.parse(JSON.stringify(d)), trace: [] });
    expect(plain(fast)).toEqual(plain(traced));
    expect(plain(fast).ask_next.length).toBeGreaterThan(0);
  });
});
