import { describe, expect, it } from "vitest";
import { buildYearHooks } from "../../src/policy/index.ts";
import {
  allocateScenarios,
  type BlockPlan,
  DEFAULT_BLOCK_SIZE,
  defaultParams,
  NATIONAL_QUEUE_BYTES,
  P,
  PROGRAMME_METRICS,
  programmeYears,
  type RunOptions,
  runSimulation,
  scenarioBytes,
  scenarioParts,
  simulateBlocks,
  taskAt,
  threadsThatFit,
} from "../../src/simulate/index.ts";
import { reformsOf } from "./helpers.ts";

const FIRMS = 20_000;
const YEARS = 4;
const GRANTS = 25;

/** A grant whose budget (25 grants a year) is close to the year's applicants. */
function reformText(budget: boolean): string {
  return `
id: tight
title: Tight grant
baseline: { programmes: [] }
reforms:
  - id: grant
    title: Grant
    changes:
      - add_programme:
          id: grant
          title: Grant
          years: { from: 2025 }
          instruments:
            - instrument: export_readiness_grant
              eligibility: { all: [ { field: tradable, eq: "yes" }, { field: employees, gte: 50 } ] }
              take_up: 0.5
              cost_per_firm: 1000
              budget_per_year: ${budget ? GRANTS * 1000 : "null"}
              rationing: random
              once_per_firm: false
`;
}

function reforms(budget: boolean) {
  return reformsOf(reformText(budget), "tight.yaml");
}

const base = (budget = true): RunOptions => ({
  firms: FIRMS,
  years: YEARS,
  startYear: 2025,
  burnIn: 3,
  replications: 3,
  seed: 9,
  reforms: reforms(budget),
});

/** Per replication and year of the grant (scenario 2, after policy_baseline): served, applicants. */
function servedAndApplicants(run: Awaited<ReturnType<typeof runSimulation>>) {
  const m = PROGRAMME_METRICS.length;
  return run.programmeTotals.flatMap((rep) =>
    Array.from({ length: YEARS }, (_, t) => ({
      served: rep[2][t * m + P.take_up],
      applicants: rep[2][t * m + P.applicants],
    })),
  );
}

describe("capped budgets ration in one national queue", () => {
  it("by default: every year serves min(applicants, grants), which blocks with queues of their own fall short of", async () => {
    const national = await runSimulation({ ...base(), threads: 1 });
    expect(national.stamp.block_size).toBe(FIRMS);
    expect(national.budgetQueue).toBe("national");
    const years = servedAndApplicants(national);
    // The budget binds in some years and not in others: both sides of the min are tested.
    expect(years.some((y) => y.applicants > GRANTS)).toBe(true);
    expect(years.some((y) => y.applicants < GRANTS)).toBe(true);
    for (const y of years) expect(y.served).toBe(Math.min(y.applicants, GRANTS));

    const blocks = await runSimulation({ ...base(), threads: 1, blockSize: 2000 });
    expect(blocks.budgetQueue).toBe("blocks");
    const short = servedAndApplicants(blocks);
    const served = (ys: typeof years) => ys.reduce((s, y) => s + y.served, 0);
    expect(served(short)).toBeLessThan(served(years));
    expect(short.some((y) => y.served < Math.min(y.applicants, GRANTS))).toBe(true);
  });

  it("gives the same bits on 2 threads as on 1, and counts progress in block-years", async () => {
    const seen: Array<[number, number]> = [];
    const one = await runSimulation({
      ...base(),
      threads: 1,
      onProgress: (done, total) => seen.push([done, total]),
    });
    const total = 3 * (3 + YEARS);
    expect(seen.length).toBe(total);
    expect(seen.map(([d]) => d)).toEqual(Array.from({ length: total }, (_, k) => k + 1));
    expect(seen.every(([, t]) => t === total)).toBe(true);

    const last: number[] = [];
    const two = await runSimulation({
      ...base(),
      threads: 2,
      onProgress: (done, t) => {
        expect(t).toBe(total);
        last.push(done);
      },
    });
    expect(last.at(-1)).toBe(total);
    for (let k = 1; k < last.length; k++) expect(last[k]).toBeGreaterThanOrEqual(last[k - 1]);
    expect(two.stamp.block_size).toBe(FIRMS);
    for (let rep = 0; rep < 3; rep++) {
      for (let s = 0; s < one.aggregates[rep].length; s++) {
        expect(two.aggregates[rep][s]).toEqual(one.aggregates[rep][s]);
        expect(two.programmeTotals[rep][s]).toEqual(one.programmeTotals[rep][s]);
      }
    }
  });

  it("reports each programme's yearly budget as written: one queue or many, none before it runs, null uncapped", async () => {
    const dated = reformsOf(
      reformText(true).replace(
        `budget_per_year: ${GRANTS * 1000}`,
        "budget_per_year: { 2026: 7500.5 }",
      ),
    );
    for (const blockSize of [undefined, 2000]) {
      const run = await runSimulation({ ...base(), replications: 1, threads: 1, blockSize });
      const [grant] = programmeYears(run, 2);
      for (const y of grant.years) expect(y.budget).toBe(GRANTS * 1000);
      const later = await runSimulation({ ...base(), reforms: dated, replications: 1, blockSize });
      const years = programmeYears(later, 2)[0].years;
      expect(years[0].budget).toBe(0);
      expect(years[0].spend).toBe(0);
      for (const y of years.slice(1)) expect(y.budget).toBe(7500.5);
    }
    const uncapped = await runSimulation({ ...base(false), replications: 1, threads: 1 });
    for (const y of programmeYears(uncapped, 2)[0].years) expect(y.budget).toBeNull();
    // Hooks that do not report a budget show none.
    const factory = new URL("./fixtures/grant-hooks.ts", import.meta.url).href;
    const silent = await runSimulation({
      firms: 2000,
      years: 2,
      burnIn: 2,
      reforms: [{ id: "grant", hash: "g", factory, scenario: { budget: 20_000 } }],
    });
    for (const y of programmeYears(silent, 1)[0].years) expect("budget" in y).toBe(false);
    // The world without programmes reports none.
    expect(programmeYears(uncapped, 0)).toEqual([]);
  });

  it("keeps the default blocks without a capped budget, or when the population does not fit", async () => {
    const uncapped = await runSimulation({ ...base(false), replications: 1, threads: 1 });
    expect(uncapped.stamp.block_size).toBe(DEFAULT_BLOCK_SIZE);
    expect(uncapped.budgetQueue).toBeNull();
    const hooks = [[], buildYearHooks(base().reforms![0].scenario)];
    // The test's population fits the national queue's memory, and would not fit in 1 MB.
    expect(scenarioBytes(FIRMS, hooks)).toBeLessThanOrEqual(NATIONAL_QUEUE_BYTES);
    expect(scenarioBytes(FIRMS, hooks)).toBeGreaterThan(1_000_000);
  });

  it("splits one replication's scenarios over idle threads with the same bits", async () => {
    // Two reforms, so two parts: the baseline runs in both, each reform in one.
    const reforms = [...base().reforms!, { ...base().reforms![1], id: "grant-again" }];
    const opts = { ...base(), reforms, replications: 1 };
    const one = await runSimulation({ ...opts, threads: 1 });
    let last = 0;
    let total = 0;
    const two = await runSimulation({
      ...opts,
      threads: 2,
      onProgress: (done, t) => {
        last = done;
        total = t;
      },
    });
    // Each part runs the baseline's years as well: 2 parts x (3 + 4) block-years.
    expect(total).toBe(2 * (3 + YEARS));
    expect(last).toBe(total);
    expect(two.aggregates[0].length).toBe(4);
    for (let s = 0; s < 4; s++) {
      expect(two.aggregates[0][s]).toEqual(one.aggregates[0][s]);
      expect(two.programmeTotals[0][s]).toEqual(one.programmeTotals[0][s]);
    }
    // The second reform is the first under another id: same draws, same results.
    expect(two.aggregates[0][3]).toEqual(two.aggregates[0][2]);
  });

  it("gives a part the same results when its thread ran another part of the block just before", () => {
    // Support once per firm, compared against a reform, in one policy year: the reference runs
    // in both parts, and must not remember whom it served in the first.
    const text = reformText(true).replace("once_per_firm: false", "once_per_firm: true");
    const specs = reformsOf(text);
    const reforms = [...specs, { ...specs[1], id: "again" }];
    const hooks = () => [[], ...reforms.map((r) => buildYearHooks(r.scenario))];
    const plan: BlockPlan = {
      firms: FIRMS,
      years: 1,
      startYear: 2025,
      burnIn: 2,
      blockSize: FIRMS,
      seed: 4,
      params: defaultParams(),
      reference: 2,
      parts: scenarioParts(4, 2, 2),
    };
    expect(plan.parts).toEqual([[0, 2, 1], [3]]);
    const shared = allocateScenarios(FIRMS, hooks());
    simulateBlocks(plan, 0, [0], shared, null, undefined, "fused", undefined, 0);
    const after = simulateBlocks(plan, 0, [0], shared, null, undefined, "fused", undefined, 1);
    const fresh = simulateBlocks(
      plan,
      0,
      [0],
      allocateScenarios(FIRMS, hooks()),
      null,
      undefined,
      "fused",
      undefined,
      1,
    );
    expect(after[0].aggregates[3]).toEqual(fresh[0].aggregates[3]);
    expect(after[0].programmes[3]).toEqual(fresh[0].programmes[3]);
    expect(fresh[0].programmes[3].some((v) => v > 0)).toBe(true);
  });

  it("parts own every scenario once, the baseline and the reference with the first", () => {
    expect(scenarioParts(8, 1, 2)).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7],
    ]);
    expect(scenarioParts(4, 0, 3)).toEqual([[0, 1], [2], [3]]);
    expect(scenarioParts(3, 0, 8)).toEqual([[0, 1], [2]]);
    expect(scenarioParts(2, 1, 4)).toEqual([[0, 1]]);
    for (const [s, ref, n] of [
      [8, 3, 3],
      [5, 0, 2],
      [9, 8, 4],
    ]) {
      const owned = scenarioParts(s, ref, n)
        .flat()
        .sort((a, b) => a - b);
      expect(owned).toEqual(Array.from({ length: s }, (_, k) => k));
    }
    expect(taskAt(5, 1, 2)).toEqual({ replication: 2, blocks: [0], part: 1 });
    expect(taskAt(5, 3, 1)).toEqual({ replication: 1, blocks: [2], part: 0 });
  });

  it("runs a national queue on no more threads than half the memory holds", () => {
    const GB = 2 ** 30;
    expect(threadsThatFit(4, 2 * GB, 16 * GB)).toBe(4);
    expect(threadsThatFit(4, 2 * GB, 8 * GB)).toBe(2);
    expect(threadsThatFit(4, 2 * GB, 3 * GB)).toBe(1);
    expect(threadsThatFit(2, 0.5 * GB, 64 * GB)).toBe(2);
  });
});
