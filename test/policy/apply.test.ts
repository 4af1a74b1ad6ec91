import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  barrierLevel,
  classifyPosition,
  classifyState,
  DEFAULT_PARAMS,
} from "../../src/diagnose/index.ts";
import type { Profile } from "../../src/firm/index.ts";
import { POSITIONS as POSITION_ORDER, type Position } from "../../src/framework/index.ts";
import {
  type Classifiers,
  type InstrumentSpec,
  type PolicyHooks,
  type ProgrammeSystem,
  profileView,
  programmeHooks,
  type Rationing,
  type Rule,
  ruleTruth,
  scratchProfile,
  TRUE,
  type YearSpan,
} from "../../src/policy/index.ts";
import {
  allocateEffects,
  clonePopulation,
  counterRng,
  type EffectColumns,
  type Population,
  runSimulation,
} from "../../src/simulate/index.ts";

const YEAR = 2025;
let pop: Population;

beforeAll(async () => {
  // A population with real histories: synthesize, then let the simulation run a few years.
  await runSimulation({
    firms: 3000,
    years: 1,
    burnIn: 12,
    startYear: YEAR,
    seed: 7,
    observer: (k, _year, p) => {
      if (k === 0) pop = clonePopulation(p);
    },
  });
});

function system(
  spec: Partial<InstrumentSpec> & { eligibility: Rule },
  years: YearSpan = { from: null, to: null },
): ProgrammeSystem {
  return {
    currency: "EUR",
    programmes: [
      {
        id: "p",
        title: "P",
        description: "",
        years,
        instruments: [
          {
            id: "i",
            instrument: "export_readiness_grant",
            take_up: 1,
            cost_per_firm: 10,
            budget_per_year: null,
            rationing: { rule: "random" },
            years: null,
            once_per_firm: false,
            effects: [{ kind: "sunk_cost_offset", size: 1, duration: 1 }],
            ...spec,
          },
        ],
      },
    ],
  };
}

interface Step {
  effects: EffectColumns;
  recipients: Uint8Array;
  report: ReturnType<PolicyHooks["beforeDecision"]>;
}

function step(
  hooks: PolicyHooks[],
  year: number,
  seed = 1,
  blocks = 1,
  effects?: EffectColumns,
): Step[] {
  const rng = counterRng(seed, 0);
  const out: Step[] = [];
  const eff = effects ?? allocateEffects(pop.capacity);
  for (const hook of hooks) {
    const recipients = new Uint8Array(pop.capacity);
    let report: Step["report"] | null = null;
    const size = Math.ceil(pop.n / blocks);
    for (let b = 0; b < blocks; b++) {
      const start = b * size;
      const end = Math.min(pop.n, start + size);
      const r = hook.beforeDecision(
        {
          year,
          yearIndex: year - YEAR,
          start,
          end,
          budgetShare: (end - start) / pop.n,
          rangeWeight: end - start,
          rng,
        },
        pop,
        eff,
        recipients,
      );
      if (report === null) report = { ...r, instruments: [...r.instruments] };
      else {
        report.eligible += r.eligible;
        report.takeUp += r.takeUp;
        report.spend += r.spend;
        report.rationedOut += r.rationedOut;
      }
    }
    out.push({ effects: eff, recipients, report: report! });
  }
  return out;
}

const classify: Classifiers = {
  position: (p) => classifyPosition(p, DEFAULT_PARAMS).value,
  state: (p) => classifyState(p, DEFAULT_PARAMS).value,
  barrierLevel: (score) => barrierLevel(score, DEFAULT_PARAMS),
};

/** The obvious way: one profile per firm, the diagnose rules, the slow rule evaluator. */
function slowEligible(rule: Rule, year: number): Uint8Array {
  const out = new Uint8Array(pop.capacity);
  const profile = scratchProfile();
  for (let i = 0; i < pop.n; i++) {
    if (pop.alive[i] !== 1) continue;
    profileView(pop, i, year, profile);
    const read = (field: string): string | number | null => {
      if (field === "position") return classify.position(profile);
      if (field === "state") return classify.state(profile);
      if (field === "age") return year - (profile.founded ?? Number.NaN);
      if (field.endsWith("_level")) {
        const level = classify.barrierLevel(
          profile[field.replace("_level", "") as keyof Profile] as number | null,
        );
        return level === "unknown" ? null : level;
      }
      const v = profile[field as keyof Profile] as unknown;
      return v === "unknown" || v === undefined ? null : (v as string | number | null);
    };
    out[i] = ruleTruth(rule, read) === TRUE ? 1 : 0;
  }
  return out;
}

describe("eligibility over diagnosis", () => {
  const POSITIONS = [
    "non_tradable",
    "domestic_by_choice",
    "export_capable",
    "inexperienced_exporter",
    "experienced_exporter",
    "international_new_venture",
  ];
  const STATES = [
    "never_exported",
    "exporting",
    "re_entered",
    "suspended",
    "withdrawn_disappointed",
    "withdrawn_disinterested",
  ];
  const arbRule: fc.Arbitrary<Rule> = fc
    .tuple(
      fc.subarray(POSITIONS, { minLength: 1 }),
      fc.subarray(STATES, { minLength: 1 }),
      fc.double({ min: 1, max: 5, noNaN: true }),
      fc.integer({ min: 0, max: 30 }),
      fc.constantFrom("yes", "no"),
      fc.boolean(),
      fc.constantFrom("low", "medium", "high"),
    )
    .map(([positions, states, barrier, age, tradable, negate, level]) => {
      const r: Rule = {
        any: [
          {
            all: [
              { field: "position", in: positions },
              { field: "barrier_resource", gte: barrier },
            ],
          },
          {
            all: [
              { field: "state", in: states },
              { field: "age", lte: age },
              { field: "tradable", eq: tradable },
            ],
          },
          {
            all: [
              { field: "barrier_strategic_level", gte: level },
              { field: "barrier_attitudinal_level", ne: level },
            ],
          },
        ],
      };
      return negate ? { not: r } : r;
    });

  it("the hook's recipients (take-up 1, no cap) equal a slow per-firm diagnosis", () => {
    fc.assert(
      fc.property(arbRule, (rule) => {
        const [s] = step(programmeHooks(system({ eligibility: rule })), YEAR + 1);
        const slow = slowEligible(rule, YEAR + 1);
        expect([...s.recipients]).toEqual([...slow]);
        expect(s.report.eligible).toBe(slow.reduce((a, b) => a + b, 0));
      }),
      { numRuns: 25 },
    );
  });

  it("diagnoses only firms the profile fields have not ruled out, once per year", () => {
    let calls = 0;
    const counting: Classifiers = {
      position: (p) => {
        calls++;
        return classify.position(p);
      },
      state: classify.state,
      barrierLevel: classify.barrierLevel,
    };
    const rule: Rule = {
      all: [
        { field: "tradable", eq: "no" },
        { field: "position", in: ["non_tradable"] },
      ],
    };
    const sys = system({ eligibility: rule });
    sys.programmes.push({ ...sys.programmes[0], id: "q" });
    const hooks = programmeHooks(sys, { classifiers: counting });
    step(hooks, YEAR + 1);
    let nonTradable = 0;
    for (let i = 0; i < pop.n; i++)
      nonTradable += pop.alive[i] === 1 && pop.tradable[i] === 0 ? 1 : 0;
    expect(nonTradable).toBeGreaterThan(0);
    expect(calls).toBe(nonTradable);
  });
});

describe("budgets, determinism and effects", () => {
  it("spend never exceeds the budget, in one block or many; the rest is rationed out", () => {
    const rules: Rationing[] = [
      { rule: "random" },
      { rule: "pro_rata" },
      { rule: "priority", score: [{ field: "barrier_resource", weight: 1 }] },
    ];
    for (const rationing of rules) {
      for (const blocks of [1, 4]) {
        const [s] = step(
          programmeHooks(system({ eligibility: { all: [] }, budget_per_year: 1000, rationing })),
          YEAR + 1,
          3,
          blocks,
        );
        expect(s.report.spend).toBeLessThanOrEqual(1000 + 1e-9);
        if (rationing.rule === "pro_rata") expect(s.report.takeUp).toBe(s.report.eligible);
        else expect(s.report.takeUp + s.report.rationedOut).toBe(s.report.eligible);
        expect(s.report.takeUp).toBe(s.recipients.reduce((a, b) => a + b, 0));
      }
    }
  });

  it("a budget basis scales the cap with the simulated population", () => {
    const sys = system({ eligibility: { all: [] }, budget_per_year: 1000 });
    sys.budget_basis_firms = 2 * pop.n;
    for (const blocks of [1, 3]) {
      const [s] = step(programmeHooks(sys), YEAR + 1, 4, blocks);
      expect(s.report.spend).toBeLessThanOrEqual(500 + 1e-9);
      expect(s.report.spend).toBeGreaterThanOrEqual(500 - 10 * blocks);
    }
  });

  it("priority serves the highest scores first", () => {
    const [s] = step(
      programmeHooks(
        system({
          eligibility: { all: [] },
          budget_per_year: 500,
          rationing: { rule: "priority", score: [{ field: "barrier_resource", weight: 1 }] },
        }),
      ),
      YEAR + 1,
    );
    let minServed = Number.POSITIVE_INFINITY;
    let maxUnserved = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < pop.n; i++) {
      if (pop.alive[i] !== 1) continue;
      if (s.recipients[i]) minServed = Math.min(minServed, pop.barrierResource[i]);
      else maxUnserved = Math.max(maxUnserved, pop.barrierResource[i]);
    }
    expect(s.report.takeUp).toBe(50);
    expect(minServed).toBeGreaterThanOrEqual(maxUnserved);
  });

  it("is deterministic for a seed and changes with the seed", () => {
    const sys = system({ eligibility: { all: [] }, take_up: 0.3, budget_per_year: 2000 });
    const a = step(programmeHooks(sys), YEAR + 1, 11)[0];
    const b = step(programmeHooks(sys), YEAR + 1, 11)[0];
    const c = step(programmeHooks(sys), YEAR + 1, 12)[0];
    expect([...a.recipients]).toEqual([...b.recipients]);
    expect([...a.effects.sunkCostOffset]).toEqual([...b.effects.sunkCostOffset]);
    expect([...a.recipients]).not.toEqual([...c.recipients]);
  });

  it("writes effects only for recipients, continues them for their duration and serves a firm once", () => {
    const sys = system({
      eligibility: { all: [] },
      take_up: 0.2,
      once_per_firm: true,
      effects: [
        { kind: "fixed_cost_offset", size: 0.5, duration: 2 },
        { kind: "learning_boost", size: 1, duration: 2 },
        { kind: "link_probability", size: 0.4, duration: 1 },
      ],
    });
    const hooks = programmeHooks(sys);
    const first = step(hooks, YEAR + 1)[0];
    const served = first.recipients.slice();
    for (let i = 0; i < pop.n; i++) {
      const expected = served[i] ? [0.5, 0.5, 0.4] : [0, 0, 0];
      const e = first.effects;
      expect([e.fixedCostOffset[i], e.learningBoost[i], e.linkProbability[i]]).toEqual(expected);
    }
    const second = step(hooks, YEAR + 2)[0];
    for (let i = 0; i < pop.n; i++) {
      if (!served[i]) continue;
      expect(second.recipients[i]).toBe(0);
      expect(second.effects.fixedCostOffset[i]).toBe(0.5);
      expect(second.effects.learningBoost[i]).toBe(0.5);
      expect(second.effects.linkProbability[i]).toBe(0);
    }
    const third = step(hooks, YEAR + 3)[0];
    for (let i = 0; i < pop.n; i++) {
      if (served[i] && !third.recipients[i]) expect(third.effects.fixedCostOffset[i]).toBe(0);
    }
  });

  it("continues every grant of lasting support for its duration, and none into a newborn's slot", () => {
    const sys = system({
      eligibility: { all: [] },
      take_up: 0.3,
      once_per_firm: false,
      effects: [{ kind: "fixed_cost_offset", size: 0.5, duration: 3 }],
    });
    const hooks = programmeHooks(sys);
    const generation = pop.generation.slice();
    const served = new Map<number, number[]>();
    let reserved = 0;
    let stacked = 0;
    let recycled = 0;
    try {
      for (let t = 1; t <= 6; t++) {
        // A slot whose firm died and was replaced holds no support from before.
        if (t === 4) {
          for (const i of [...served.keys()].slice(0, 50)) {
            pop.generation[i]++;
            served.delete(i);
            recycled++;
          }
        }
        const [s] = step(hooks, YEAR + t);
        for (let i = 0; i < pop.n; i++) {
          // Each earlier grant runs on for its 3 years beside this year's, and they add up.
          const years = served.get(i) ?? [];
          const running = years.filter((y) => YEAR + t - y < 3).length;
          const expected = 0.5 * running + (s.recipients[i] ? 0.5 : 0);
          if (running >= 2) stacked++;
          if (s.recipients[i]) {
            if (years.length > 0) reserved++;
            served.set(i, [...years, YEAR + t]);
          }
          if (s.effects.fixedCostOffset[i] !== expected) {
            throw new Error(`year ${t}, slot ${i}: ${s.effects.fixedCostOffset[i]} != ${expected}`);
          }
        }
      }
    } finally {
      pop.generation.set(generation);
    }
    expect(reserved).toBeGreaterThan(0);
    expect(stacked).toBeGreaterThan(0);
    expect(recycled).toBe(50);
  });

  it("runs an instrument with a dated budget or cost only from the first year given", () => {
    for (const dated of [
      { budget_per_year: { [String(YEAR + 2)]: 1000 } },
      { cost_per_firm: { [String(YEAR + 2)]: 10 } },
    ]) {
      const hooks = programmeHooks(system({ eligibility: { all: [] }, ...dated }));
      const [before] = step(hooks, YEAR + 1);
      expect(before.report.takeUp).toBe(0);
      expect(before.report.spend).toBe(0);
      const [from] = step(hooks, YEAR + 2);
      expect(from.report.takeUp).toBeGreaterThan(0);
      if ("budget_per_year" in dated) expect(from.report.spend).toBeLessThanOrEqual(1000);
    }
  });

  it("ranks applicants by position even when the eligibility rule does not read it", () => {
    const score = [{ field: "position", weight: 1 }];
    const rationing: Rationing = { rule: "priority", score };
    const budget = { budget_per_year: 200, rationing, take_up: 1 };
    // Open to all (the rule reads no diagnosis), and the same with a rule that does.
    const open = step(programmeHooks(system({ eligibility: { all: [] }, ...budget })), YEAR + 1);
    const read = step(
      programmeHooks(system({ eligibility: { field: "position", known: true }, ...budget })),
      YEAR + 1,
    );
    const served = (s: Step) => {
      const list: number[] = [];
      for (let i = 0; i < pop.n; i++) if (s.recipients[i]) list.push(i);
      return list;
    };
    const rank = (i: number) => {
      const p = classifyPosition(profileView(pop, i, YEAR + 1, scratchProfile()), DEFAULT_PARAMS);
      return POSITION_ORDER.indexOf(p.value as Position);
    };
    const a = served(open[0]);
    expect(a.length).toBe(20);
    // The 20 served rank at least as high as any firm left out with a known position.
    const lowest = Math.min(...a.map(rank));
    expect(lowest).toBeGreaterThanOrEqual(POSITION_ORDER.indexOf("experienced_exporter"));
    expect(a).toEqual(served(read[0]));
  });

  it("keeps a block's results free of the blocks run before it (per-slot state lasts one run)", () => {
    const sys = system({
      eligibility: {
        all: [
          {
            field: "position",
            in: ["export_capable", "inexperienced_exporter", "domestic_by_choice"],
          },
          { field: "age", gte: 1 },
        ],
      },
      take_up: 0.4,
      once_per_firm: true,
      budget_per_year: 4000,
      effects: [{ kind: "fixed_cost_offset", size: 0.5, duration: 3 }],
    });
    const rng = counterRng(3, 0);
    const half = Math.floor(pop.n / 2);
    const runBlock = (hooks: PolicyHooks[], start: number, end: number) =>
      [1, 2, 3].map((t) => {
        const effects = allocateEffects(pop.capacity);
        const recipients = new Uint8Array(pop.capacity);
        const ctx = {
          year: YEAR + t,
          yearIndex: t,
          start,
          end,
          budgetShare: 0.5,
          rangeWeight: end - start,
          rng,
        };
        const r = hooks[0].beforeDecision(ctx, pop, effects, recipients);
        return {
          report: [r.eligible, r.takeUp, r.spend, r.applicants],
          recipients: [...recipients.subarray(start, end)],
          offsets: [...effects.fixedCostOffset.subarray(start, end)],
        };
      });
    const after = programmeHooks(sys);
    runBlock(after, 0, half);
    const second = runBlock(after, half, pop.n);
    const fresh = runBlock(programmeHooks(sys), half, pop.n);
    expect(second).toEqual(fresh);
    // The once-per-firm rule and the three-year effect did act within the block.
    expect(second[0].report[1]).toBeGreaterThan(0);
    expect(second[1].offsets.filter((x) => x > 0).length).toBeGreaterThan(second[1].report[1]);
  });

  it("does nothing outside its years and probabilities from two programmes combine below one", () => {
    const idle = step(
      programmeHooks(system({ eligibility: { all: [] } }, { from: 2030, to: null })),
      YEAR + 1,
    )[0];
    expect(idle.report.takeUp).toBe(0);
    expect(idle.effects.sunkCostOffset.every((v) => v === 0)).toBe(true);
    const sys = system({
      eligibility: { all: [] },
      effects: [{ kind: "mentoring_experience", size: 0.5, duration: 1 }],
    });
    sys.programmes.push({ ...sys.programmes[0], id: "q" });
    const [s] = step(programmeHooks(sys), YEAR + 1);
    const alive = pop.alive.indexOf(1);
    expect(s.effects.mentoringExperience[alive]).toBeCloseTo(0.75, 12);
  });
});
