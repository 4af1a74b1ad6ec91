import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compileRule,
  decisiveConditions,
  explainRule,
  FALSE,
  type FieldColumn,
  parseRule,
  RULE_FIELD_NAMES,
  RULE_FIELDS,
  type Rule,
  type RuleColumns,
  ruleField,
  ruleTruth,
  TRUE,
  UNKNOWN,
} from "../../src/policy/index.ts";

/** A tiny table of firms: numbers (null = unknown) and level names (null = unknown). */
type Row = Record<string, string | number | null>;

function columnsOf(rows: Row[]): RuleColumns {
  return {
    column(name) {
      const field = ruleField(name);
      if (!field) return undefined;
      if (field.kind === "number") {
        return {
          kind: "number",
          values: Float64Array.from(rows, (r) =>
            r[name] === null || r[name] === undefined ? Number.NaN : Number(r[name]),
          ),
        };
      }
      const levels = field.levels ?? [];
      return {
        kind: "code",
        codes: Int32Array.from(rows, (r) =>
          r[name] === null || r[name] === undefined ? -1 : levels.indexOf(String(r[name])),
        ),
      } satisfies FieldColumn;
    },
  };
}

function compiledTruth(rule: Rule, rows: Row[]): number[] {
  const out = new Uint8Array(rows.length);
  compileRule(rule).truth(columnsOf(rows), 0, rows.length, null, out);
  return [...out];
}

function parsed(value: unknown): Rule {
  const { rule, problems } = parseRule(value);
  expect(problems).toEqual([]);
  return rule!;
}

describe("rule operators", () => {
  const rows: Row[] = [
    { employees: 5, sector: "business_services", position: "export_capable", tradable: "yes" },
    {
      employees: 50,
      sector: "consumer_services",
      position: "experienced_exporter",
      tradable: "no",
    },
    { employees: null, sector: null, position: null, tradable: null },
  ];
  const cases: [string, unknown, number[]][] = [
    ["in", { field: "sector", in: ["business_services", "other"] }, [TRUE, FALSE, UNKNOWN]],
    ["not_in", { field: "sector", not_in: ["business_services"] }, [FALSE, TRUE, UNKNOWN]],
    ["eq", { field: "tradable", eq: "yes" }, [TRUE, FALSE, UNKNOWN]],
    ["ne", { field: "tradable", ne: "yes" }, [FALSE, TRUE, UNKNOWN]],
    ["gte number", { field: "employees", gte: 50 }, [FALSE, TRUE, UNKNOWN]],
    ["gt number", { field: "employees", gt: 5 }, [FALSE, TRUE, UNKNOWN]],
    ["lte number", { field: "employees", lte: 5 }, [TRUE, FALSE, UNKNOWN]],
    ["lt number", { field: "employees", lt: 5 }, [FALSE, FALSE, UNKNOWN]],
    ["between", { field: "employees", gte: 1, lt: 10 }, [TRUE, FALSE, UNKNOWN]],
    ["in numbers", { field: "employees", in: [5, 7] }, [TRUE, FALSE, UNKNOWN]],
    [
      "gte ordered level",
      { field: "position", gte: "inexperienced_exporter" },
      [FALSE, TRUE, UNKNOWN],
    ],
    [
      "lt ordered level",
      { field: "position", lt: "inexperienced_exporter" },
      [TRUE, FALSE, UNKNOWN],
    ],
    ["known true", { field: "sector", known: true }, [TRUE, TRUE, FALSE]],
    ["known false", { field: "sector", known: false }, [FALSE, FALSE, TRUE]],
    ["not", { not: { field: "tradable", eq: "yes" } }, [FALSE, TRUE, UNKNOWN]],
    ["all empty is true", { all: [] }, [TRUE, TRUE, TRUE]],
    ["any empty is false", { any: [] }, [FALSE, FALSE, FALSE]],
    [
      "all: false beats unknown",
      {
        all: [
          { field: "employees", gte: 10 },
          { field: "tradable", eq: "yes" },
        ],
      },
      [FALSE, FALSE, UNKNOWN],
    ],
    [
      "any: true beats unknown",
      {
        any: [
          { field: "employees", gte: 10 },
          { field: "sector", known: false },
        ],
      },
      [FALSE, TRUE, TRUE],
    ],
  ];
  for (const [name, rule, expected] of cases) {
    it(`${name}: compiled and slow evaluation agree with the expected truth`, () => {
      const r = parsed(rule);
      expect(compiledTruth(r, rows)).toEqual(expected);
      expect(rows.map((row) => ruleTruth(r, (f) => row[f] ?? null))).toEqual(expected);
    });
  }

  it("mask keeps only rows that are true and inside the row filter", () => {
    const r = parsed({ field: "employees", gte: 1 });
    const eligible = new Uint8Array(3).fill(7);
    compileRule(r).mask(columnsOf(rows), 0, 3, Uint8Array.from([1, 0, 1]), eligible);
    expect([...eligible]).toEqual([1, 0, 0]);
  });

  it("reads yes/no flags stored as 0/1 bytes", () => {
    const cols: RuleColumns = {
      column: (n) =>
        n === "tradable" ? { kind: "flag", flags: Uint8Array.from([1, 0]) } : undefined,
    };
    const out = new Uint8Array(2);
    compileRule(parsed({ field: "tradable", eq: "no" })).truth(cols, 0, 2, null, out);
    expect([...out]).toEqual([FALSE, TRUE]);
  });
});

describe("rule validation", () => {
  it("an unknown field is an error that lists the valid fields", () => {
    const { rule, problems } = parseRule({ all: [{ field: "turnover", gte: 1 }] });
    expect(rule).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toEqual(["all", 0, "field"]);
    expect(problems[0].value).toBe("turnover");
    for (const name of RULE_FIELD_NAMES) expect(problems[0].expected).toContain(name);
  });

  it("names the operator, path and bad value", () => {
    const { problems } = parseRule({
      any: [
        { field: "sector", in: ["farming"] },
        { field: "employees", gte: "ten" },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      ["any", 0, "in", 0],
      ["any", 1, "gte"],
    ]);
    expect(problems[0].value).toBe("farming");
    expect(problems[0].expected).toContain("business_services");
    expect(problems[1].value).toBe("ten");
  });

  it("points to `known` when a rule tries to match unknown as a value", () => {
    const { problems } = parseRule({ field: "tradable", eq: "unknown" });
    expect(problems[0].expected).toContain("known: false");
  });

  it("rejects order operators on unordered levels, unknown operators and empty conditions", () => {
    expect(parseRule({ field: "sector", gte: "other" }).problems[0].path).toEqual(["gte"]);
    expect(parseRule({ field: "sector", like: "x" }).problems[0].message).toContain(
      "unknown operator",
    );
    expect(parseRule({ field: "sector" }).problems[0].message).toContain("no operator");
    expect(parseRule({ all: [], any: [] }).problems[0].message).toContain("cannot be combined");
    expect(parseRule("everyone").problems[0].message).toContain("must be an object");
  });
});

// --- oracle: compiled masks against the slow per-firm evaluation -------------------------------

const FIELDS = RULE_FIELDS.filter((f) =>
  [
    "employees",
    "barrier_resource",
    "sector",
    "position",
    "tradable",
    "state",
    "tech_intensity",
  ].includes(f.name),
);

const arbCondition: fc.Arbitrary<Rule> = fc.constantFrom(...FIELDS).chain((f) => {
  if (f.kind === "number") {
    const n = fc.integer({ min: 0, max: 10 });
    return fc.oneof(
      n.map((v) => ({ field: f.name, gte: v })),
      n.map((v) => ({ field: f.name, lt: v })),
      fc.tuple(n, n).map(([a, b]) => ({ field: f.name, gt: Math.min(a, b), lte: Math.max(a, b) })),
      fc.array(n, { minLength: 1, maxLength: 3 }).map((v) => ({ field: f.name, in: v })),
      n.map((v) => ({ field: f.name, ne: v })),
      fc.boolean().map((b) => ({ field: f.name, known: b })),
    );
  }
  const level = fc.constantFrom(...(f.levels ?? []));
  const ops: fc.Arbitrary<Rule>[] = [
    fc.array(level, { minLength: 1, maxLength: 3 }).map((v) => ({ field: f.name, in: v })),
    fc.array(level, { minLength: 1, maxLength: 2 }).map((v) => ({ field: f.name, not_in: v })),
    level.map((v) => ({ field: f.name, eq: v })),
    fc.boolean().map((b) => ({ field: f.name, known: b })),
  ];
  if (f.ordered) ops.push(level.map((v) => ({ field: f.name, gte: v })));
  return fc.oneof(...ops);
});

const { rule: arbRule } = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    arbCondition,
    fc.array(tie("rule"), { maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie("rule"), { maxLength: 3 }).map((any) => ({ any })),
    tie("rule").map((r) => ({ not: r })),
  ),
}));

const arbRow: fc.Arbitrary<Row> = fc.record(
  Object.fromEntries(
    FIELDS.map((f) => [
      f.name,
      f.kind === "number"
        ? fc.option(fc.integer({ min: 0, max: 10 }), { freq: 4 })
        : fc.option(fc.constantFrom(...(f.levels ?? [])), { freq: 4 }),
    ]),
  ) as Record<string, fc.Arbitrary<string | number | null>>,
);

describe("eligibility oracle", () => {
  it("compiled masks equal a slow per-firm evaluation", () => {
    fc.assert(
      fc.property(arbRule, fc.array(arbRow, { minLength: 1, maxLength: 40 }), (rule, rows) => {
        expect(parseRule(rule).problems).toEqual([]);
        const fast = compiledTruth(rule, rows);
        const slow = rows.map((row) => ruleTruth(rule, (f) => row[f] ?? null));
        expect(fast).toEqual(slow);
      }),
      { numRuns: 400 },
    );
  });

  it("skipping diagnosis never drops a firm the full rule accepts", () => {
    fc.assert(
      fc.property(arbRule, fc.array(arbRow, { minLength: 1, maxLength: 40 }), (rule, rows) => {
        const compiled = compileRule(rule);
        const pre = new Uint8Array(rows.length);
        const full = new Uint8Array(rows.length);
        compiled.truth(columnsOf(rows), 0, rows.length, null, pre, true);
        compiled.truth(columnsOf(rows), 0, rows.length, null, full, false);
        for (let i = 0; i < rows.length; i++) if (full[i] === TRUE) expect(pre[i]).not.toBe(FALSE);
      }),
      { numRuns: 300 },
    );
  });
});

describe("generated loops", () => {
  it("mask and the selected lists agree with truth on selected rows", () => {
    fc.assert(
      fc.property(
        arbRule,
        fc.array(fc.tuple(arbRow, fc.boolean()), { minLength: 1, maxLength: 40 }),
        (rule, picked) => {
          const rows = picked.map(([row]) => row);
          const selected = Uint8Array.from(picked, ([, on]) => (on ? 1 : 0));
          const compiled = compileRule(rule);
          const cols = columnsOf(rows);
          const n = rows.length;
          const full = new Uint8Array(n);
          const pre = new Uint8Array(n);
          compiled.truth(cols, 0, n, null, full);
          compiled.truth(cols, 0, n, null, pre, true);
          // Stale bytes in the mask must be overwritten, selected or not.
          const mask = new Uint8Array(n).fill(7);
          compiled.mask(cols, 0, n, selected, mask);
          const indices = [...Array(n).keys()];
          for (const i of indices) {
            expect(mask[i]).toBe(selected[i] === 1 && full[i] === TRUE ? 1 : 0);
          }
          const list = new Int32Array(n + 1);
          const possible = compiled.select(cols, 0, n, selected, list, "possible");
          const expected = indices.filter((i) => selected[i] === 1 && pre[i] !== FALSE);
          expect([...list.subarray(0, possible)]).toEqual(expected);
          // Deciding the possible rows in place gives the true ones, as over the whole range.
          const decided = compiled.selectFrom(cols, list, possible, list, "true");
          const truly = indices.filter((i) => selected[i] === 1 && full[i] === TRUE);
          expect([...list.subarray(0, decided)]).toEqual(truly);
          const all = new Int32Array(n + 1);
          const count = compiled.select(cols, 0, n, null, all, "true");
          expect([...all.subarray(0, count)]).toEqual(indices.filter((i) => full[i] === TRUE));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("writes only the range asked for", () => {
    const rule = parsed({ field: "employees", gte: 5 });
    const rows: Row[] = [{ employees: 9 }, { employees: 9 }, { employees: 9 }, { employees: 9 }];
    const out = new Uint8Array(4).fill(7);
    compileRule(rule).mask(columnsOf(rows), 1, 3, null, out);
    expect([...out]).toEqual([7, 1, 1, 7]);
  });

  it("refuses a rule whose numbers are not finite, whatever reached the compiler", () => {
    const rule = { field: "employees", gte: "1; globalThis.pwned = 1" } as unknown as Rule;
    expect(() =>
      compileRule(rule).mask(columnsOf([{ employees: 3 }]), 0, 1, null, new Uint8Array(1)),
    ).toThrow(/not a number/);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });
});

describe("explaining a rule for one firm", () => {
  const rule = parsed({
    all: [
      { field: "position", in: ["export_capable", "inexperienced_exporter"] },
      { field: "barrier_resource", gte: 3 },
      { not: { field: "sector", eq: "consumer_services" } },
    ],
  });

  it("names the condition that made a firm ineligible, and its value", () => {
    const firm: Row = { position: "export_capable", barrier_resource: 2, sector: "other" };
    const e = explainRule(rule, (f) => firm[f] ?? null);
    expect(e.truth).toBe(FALSE);
    const decisive = decisiveConditions(e);
    expect(decisive.map((c) => [c.condition.field, c.value])).toEqual([["barrier_resource", 2]]);
  });

  it("names the unknown answers that would decide, through negation", () => {
    const firm: Row = { position: "export_capable", barrier_resource: 4, sector: null };
    const e = explainRule(rule, (f) => firm[f] ?? null);
    expect(e.truth).toBe(UNKNOWN);
    expect(decisiveConditions(e).map((c) => c.condition.field)).toEqual(["sector"]);
    expect(e.truth).toBe(ruleTruth(rule, (f) => firm[f] ?? null));
  });

  it("agrees with the evaluator and lists nothing when eligible", () => {
    const firm: Row = { position: "inexperienced_exporter", barrier_resource: 5, sector: "other" };
    const e = explainRule(rule, (f) => firm[f] ?? null);
    expect(e.truth).toBe(TRUE);
    expect(decisiveConditions(e)).toEqual([]);
  });
});
