import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue, type Result } from "../../src/framework/index.ts";
import {
  parseScenario,
  resolveScenario,
  type Scenario,
  type ScenarioReader,
  scenarioHash,
  targetingNotes,
} from "../../src/policy/index.ts";

const EXAMPLES = resolve(import.meta.dirname, "../../examples/scenarios");

const fsReader: ScenarioReader = (ref, from) => {
  const file = join(dirname(from), ref);
  return { ok: true, value: { file, text: readFileSync(file, "utf8") } };
};

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
  return r.value;
}

const MINIMAL = `
id: s
title: S
baseline:
  programmes:
    - id: p
      title: P
      instruments:
        - instrument: information_advice
          eligibility: {field: position, in: [export_capable]}
`;

describe("scenario schema errors", () => {
  it("name the file, the path in the document, the bad value and what was expected", () => {
    const text = MINIMAL.replace("in: [export_capable]", "in: [export_capable, exporter]");
    const r = parseScenario(text, { file: "bad.yaml" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    const [issue] = r.issues;
    expect(issue.file).toBe("bad.yaml");
    expect(issue.field).toBe("baseline.programmes[0].instruments[0].eligibility.in[1]");
    expect(issue.value).toBe("exporter");
    expect(issue.expected).toContain("inexperienced_exporter");
    expect(issue.row).toBe(10); // MINIMAL starts with an empty line
    expect(formatIssue(issue)).toContain("bad.yaml:row 10: baseline.programmes[0]");
  });

  it("report zod type errors with the path and the value received", () => {
    const text = `${MINIMAL}          take_up: 1.5\n          rationing: lottery\n`;
    const r = parseScenario(text, { file: "x.yaml" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byField = new Map(r.issues.map((i) => [i.field, i]));
    expect(byField.get("baseline.programmes[0].instruments[0].take_up")?.value).toBe(1.5);
    const rationing = byField.get("baseline.programmes[0].instruments[0].rationing");
    expect(rationing?.value).toBe("lottery");
    expect(rationing?.expected).toContain("pro_rata");
  });

  it("reject misspelt keys, unknown instruments and missing numbers without defaults", () => {
    const typo = parseScenario(MINIMAL.replace("title: P", "titel: P"), { file: "t.yaml" });
    expect(typo.ok).toBe(false);
    const noDefaults = parseScenario(MINIMAL.replace("information_advice", "alertness_training"), {
      file: "n.yaml",
    });
    expect(noDefaults.ok).toBe(false);
    if (!noDefaults.ok) {
      expect(noDefaults.issues.map((i) => i.field).sort()).toEqual([
        "baseline.programmes[0].instruments[0].cost_per_firm",
        "baseline.programmes[0].instruments[0].effects",
        "baseline.programmes[0].instruments[0].take_up",
      ]);
    }
    const unknown = parseScenario(MINIMAL.replace("information_advice", "free_lunch"), {
      file: "u.yaml",
    });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.issues[0].value).toBe("free_lunch");
  });

  it("report syntax errors with a line and unknown reform references and cycles", () => {
    const syntax = parseScenario("id: [unclosed", { file: "s.yaml" });
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.issues[0].code).toBe("syntax_error");
    const cyc = parseScenario(
      `${MINIMAL}reforms:\n  - {id: a, extends: [b]}\n  - {id: b, extends: [a]}\n  - {id: c, extends: [zz]}\n`,
      { file: "c.yaml" },
    );
    expect(cyc.ok).toBe(false);
    if (!cyc.ok) {
      const codes = cyc.issues.map((i) => i.code);
      expect(codes).toContain("reform_cycle");
      expect(codes).toContain("unknown_reform");
    }
  });

  it("fills documented defaults from the instrument library", () => {
    const s = ok(parseScenario(MINIMAL, { file: "m.yaml" }));
    if (!("programmes" in s.baseline)) throw new Error("inline baseline expected");
    const inst = s.baseline.programmes[0].instruments[0];
    expect(inst.id).toBe("information_advice");
    expect(inst.take_up).toBeGreaterThan(0);
    expect(inst.effects.length).toBeGreaterThan(0);
    expect(inst.rationing).toEqual({ rule: "random" });
    expect(inst.budget_per_year).toBeNull();
    expect(inst.once_per_firm).toBe(true);
  });
});

describe("scenario hash", () => {
  it("is stable under key order and layout, and changes with content", () => {
    const a = ok(parseScenario(MINIMAL, { file: "a.yaml" }));
    const json = JSON.stringify({
      title: "S",
      baseline: {
        programmes: [
          {
            instruments: [
              {
                eligibility: { in: ["export_capable"], field: "position" },
                instrument: "information_advice",
              },
            ],
            title: "P",
            id: "p",
          },
        ],
      },
      id: "s",
    });
    const b = ok(parseScenario(json, { file: "b.json" }));
    expect(scenarioHash(b)).toBe(scenarioHash(a));
    expect(scenarioHash(a)).toMatch(/^[0-9a-f]{64}$/);
    const c = ok(parseScenario(MINIMAL.replace("title: P", "title: Q"), { file: "c.yaml" }));
    expect(scenarioHash(c)).not.toBe(scenarioHash(a));
  });
});

describe("example scenarios", () => {
  const load = (name: string) => {
    const file = join(EXAMPLES, name);
    const scenario: Scenario = ok(parseScenario(readFileSync(file, "utf8"), { file }));
    return ok(resolveScenario(scenario, file, fsReader));
  };

  it("all parse and resolve, each reform on top of the current-policy baseline", () => {
    for (const name of [
      "baseline.yaml",
      "differentiated.yaml",
      "untargeted-grant.yaml",
      "empty-reform.yaml",
    ]) {
      const resolved = load(name);
      const base = resolved.systems.get("baseline")!;
      expect(base.programmes.map((p) => p.id)).toEqual(["export-information", "trade-missions"]);
    }
  });

  it("scenarios built on the baseline inherit its budget basis; a different one is refused", () => {
    expect(load("baseline.yaml").systems.get("baseline")!.budget_basis_firms).toBe(100_000);
    expect(load("differentiated.yaml").systems.get("differentiated")!.budget_basis_firms).toBe(
      100_000,
    );
    const file = join(EXAMPLES, "basis.yaml");
    const text = "id: b\ntitle: B\nbudget_basis: {firms: 5000}\nbaseline: {from: baseline.yaml}\n";
    const r = resolveScenario(ok(parseScenario(text, { file })), file, fsReader);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].field).toBe("budget_basis.firms");
      expect(r.issues[0].value).toBe(5000);
    }
  });

  it("the empty reform's system equals its baseline", () => {
    const r = load("empty-reform.yaml");
    expect(r.systems.get("empty")).toEqual(r.systems.get("baseline"));
    expect(scenarioHash(r.systems.get("empty"))).toBe(scenarioHash(r.systems.get("baseline")));
  });

  it("the differentiated package stacks the five targeted programmes and halves generic information", () => {
    const r = load("differentiated.yaml");
    const all = r.systems.get("differentiated")!;
    expect(all.programmes.map((p) => p.id)).toEqual([
      "export-information",
      "trade-missions",
      "inv-accelerator",
      "readiness-grants",
      "novice-mentoring",
      "large-firm-brokering",
      "reentry-counselling",
    ]);
    expect(all.programmes[0].instruments[0].budget_per_year).toBe(750_000);
    expect(r.systems.get("baseline")!.programmes[0].instruments[0].budget_per_year).toBe(1_500_000);
  });

  it("a baseline can be another scenario's reform", () => {
    const file = join(EXAMPLES, "on-top.yaml");
    const text =
      "id: on-top\ntitle: T\nbaseline: {from: differentiated.yaml, reform: readiness-grants}\nreforms: [{id: none}]\n";
    const r = ok(resolveScenario(ok(parseScenario(text, { file })), file, fsReader));
    expect(r.systems.get("baseline")!.programmes.map((p) => p.id)).toContain("readiness-grants");
    const bad = "id: x\ntitle: T\nbaseline: {from: differentiated.yaml, reform: nope}\n";
    const res = resolveScenario(ok(parseScenario(bad, { file })), file, fsReader);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.issues[0].expected).toContain("readiness-grants");
  });
});

describe("what a scenario may not say", () => {
  /** Files held in memory: the reader serves them by name. */
  const files =
    (texts: Record<string, string>): ScenarioReader =>
    (ref) =>
      ref in texts
        ? { ok: true, value: { file: ref, text: texts[ref] } }
        : { ok: false, issues: [{ code: "no_file", message: `no ${ref}` }] };
  const INNER = `id: inner\ntitle: I\nbaseline:\n  programmes:\n    - id: p\n      title: P\n      instruments:\n        - instrument: information_advice\n          eligibility: {all: []}\n          budget_per_year: 1000\n`;
  const resolveText = (text: string, others: Record<string, string> = { "inner.yaml": INNER }) =>
    resolveScenario(ok(parseScenario(text, { file: "outer.yaml" })), "outer.yaml", files(others));

  it("a reform named policy_baseline, the name results give the file's baseline", () => {
    const r = parseScenario(`${MINIMAL}reforms: [{id: policy_baseline}]\n`, { file: "x.yaml" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].field).toBe("reforms[0].id");
      expect(r.issues[0].value).toBe("policy_baseline");
    }
  });

  it("a budget basis over a baseline whose budgets are written for the simulated population", () => {
    const r = resolveText(
      "id: o\ntitle: O\nbudget_basis: {firms: 100000}\nbaseline: {from: inner.yaml}\n",
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].field).toBe("budget_basis.firms");
      expect(r.issues[0].row).toBe(3);
      expect(formatIssue(r.issues[0])).toMatch(/outer\.yaml:row 3: .*no budget_basis/);
    }
    // Without one, the baseline's budgets stay as written.
    const plain = ok(resolveText("id: o\ntitle: O\nbaseline: {from: inner.yaml}\n"));
    expect(plain.systems.get("baseline")!.budget_basis_firms).toBeNull();
  });

  it("a currency other than the baseline's, which its costs would be added to", () => {
    const r = resolveText("id: o\ntitle: O\ncurrency: GBP\nbaseline: {from: inner.yaml}\n");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].field).toBe("currency");
      expect(r.issues[0].expected).toContain("EUR");
    }
    const same = ok(resolveText("id: o\ntitle: O\ncurrency: EUR\nbaseline: {from: inner.yaml}\n"));
    expect(same.systems.get("baseline")!.currency).toBe("EUR");
    const gbp = INNER.replace("title: I", "title: I\ncurrency: GBP");
    const inherited = ok(
      resolveText("id: o\ntitle: O\nbaseline: {from: inner.yaml}\nreforms: [{id: r}]\n", {
        "inner.yaml": gbp,
      }),
    );
    expect(inherited.systems.get("r")!.currency).toBe("GBP");
  });

  it("effect sizes outside their kind's unit, and an empty dated map", () => {
    const effects = (kind: string, size: number) =>
      `${MINIMAL}          effects: [{kind: ${kind}, size: ${size}}]\n`;
    for (const [kind, size] of [
      ["barrier_reduction", -3],
      ["barrier_reduction", 5],
      ["link_probability", 5],
      ["mentoring_experience", -0.1],
      ["learning_boost", -1],
    ] as const) {
      const r = parseScenario(effects(kind, size), { file: "x.yaml" });
      expect(r.ok, `${kind} ${size}`).toBe(false);
      if (!r.ok) expect(r.issues[0].field).toMatch(/effects\[0\]\.size$/);
    }
    expect(parseScenario(effects("sunk_cost_offset", -0.5), { file: "x.yaml" }).ok).toBe(true);
    const empty = parseScenario(`${MINIMAL}          budget_per_year: {}\n`, { file: "x.yaml" });
    expect(empty.ok).toBe(false);
  });

  it("changes that name what is not there: the error gives the line of the change", () => {
    const text = `${MINIMAL}reforms:\n  - id: r\n    changes:\n      - remove_programme: nope\n`;
    const r = resolveScenario(ok(parseScenario(text, { file: "x.yaml" })), "x.yaml", fsReader);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].row).toBe(14);
      expect(formatIssue(r.issues[0])).toMatch(/^x\.yaml:row 14: reforms\[0\]\.changes\[0\]/);
      expect(formatIssue(r.issues[0])).toContain("expected one of p");
    }
  });
});

describe("targeting notes against the instrument catalogue", () => {
  const resolved = (name: string) => {
    const file = join(EXAMPLES, name);
    return ok(
      resolveScenario(ok(parseScenario(readFileSync(file, "utf8"), { file })), file, fsReader),
    );
  };

  it("flag a flat grant open to experienced exporters and not the targeted grant", () => {
    const flat = targetingNotes(resolved("untargeted-grant.yaml").systems.get("everyone-grant")!);
    const targeted = targetingNotes(
      resolved("differentiated.yaml").systems.get("readiness-grants")!,
    );
    const grantNote = (n: { field?: string; value?: unknown }) =>
      n.field?.startsWith("everyone-grant/") || n.field?.startsWith("readiness-grants/");
    expect(flat.filter(grantNote).map((n) => n.value)).toContain("experienced_exporter");
    expect(targeted.filter(grantNote)).toEqual([]);
  });
});
