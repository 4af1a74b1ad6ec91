import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue, POSITIONS, type Result, STATES } from "../../src/framework/index.ts";
import {
  parseScenario,
  resolveScenario,
  type ScenarioReader,
  systemSpecs,
  valueAt,
} from "../../src/policy/index.ts";
import {
  at,
  M,
  P,
  PROGRAMME_METRICS,
  runSimulation,
  SEGMENT_GROUP0,
  STATE_GROUP0,
  summarize,
} from "../../src/simulate/index.ts";

const EXAMPLES = resolve(import.meta.dirname, "../../examples/scenarios");
const read: ScenarioReader = (ref, from) => {
  const file = join(dirname(from), ref);
  return { ok: true, value: { file, text: readFileSync(file, "utf8") } };
};
function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
  return r.value;
}
function specsOf(name: string) {
  const file = join(EXAMPLES, name);
  return systemSpecs(
    ok(resolveScenario(ok(parseScenario(readFileSync(file, "utf8"), { file })), file, read)),
  );
}

/**
 * Each programme's spend and yearly budget in scenario k of a run (specs[k - 1]); budgets are
 * written for budget_basis_firms and scale with the simulated population.
 */
function spendAndBudgets(
  run: Awaited<ReturnType<typeof runSimulation>>,
  specs: ReturnType<typeof specsOf>,
  k: number,
  firms: number,
) {
  const { system } = specs[k - 1].scenario;
  const m = PROGRAMME_METRICS.length;
  const out: { programme: string; year: number; spend: number; budget: number }[] = [];
  system.programmes.forEach((programme, h) => {
    for (let t = 0; t < run.stamp.years; t++) {
      const year = run.stamp.start_year + t;
      const cap = programme.instruments.reduce(
        (sum, inst) => sum + (valueAt(inst.budget_per_year, year) ?? Number.POSITIVE_INFINITY),
        0,
      );
      const budget = (cap * firms) / (system.budget_basis_firms ?? firms);
      const spend = run.programmeTotals[0][k][(t * system.programmes.length + h) * m + P.spend];
      out.push({ programme: programme.id, year, spend, budget });
    }
  });
  return out;
}

describe("scenarios through the simulation runner", () => {
  it("the empty reform differs from its baseline by exactly zero", async () => {
    const specs = specsOf("empty-reform.yaml");
    expect(specs.map((s) => s.id)).toEqual(["policy_baseline", "empty"]);
    expect(specs[1].hash).toBe(specs[0].hash);
    const run = await runSimulation({
      firms: 4000,
      years: 4,
      burnIn: 6,
      seed: 5,
      blockSize: 1500,
      reforms: specs,
    });
    const [, base, empty] = run.aggregates[0];
    expect([...empty]).toEqual([...base]);
    expect([...run.programmeTotals[0][2]]).toEqual([...run.programmeTotals[0][1]]);
    // The programmes did act: somebody was served and money was spent.
    const spend = PROGRAMME_METRICS.indexOf("spend");
    let total = 0;
    for (let k = spend; k < run.programmeTotals[0][1].length; k += PROGRAMME_METRICS.length)
      total += run.programmeTotals[0][1][k];
    expect(total).toBeGreaterThan(0);
  });

  it("a differentiated reform changes outcomes and each programme stays within its yearly budget", async () => {
    const specs = specsOf("differentiated.yaml").filter((s) =>
      ["policy_baseline", "differentiated"].includes(s.id),
    );
    const firms = 6000;
    const years = 3;
    const run = await runSimulation({
      firms,
      years,
      burnIn: 6,
      seed: 9,
      blockSize: 2000,
      reforms: specs,
    });
    const [, base, diff] = run.aggregates[0];
    expect([...diff]).not.toEqual([...base]);
    expect(specs[1].scenario.system.budget_basis_firms).toBe(100_000);
    for (const { spend, budget } of spendAndBudgets(run, specs, 2, firms)) {
      expect(spend).toBeLessThanOrEqual(budget + 1e-6);
      expect(spend).toBeGreaterThan(0);
    }
  });

  it("in every example scenario, every system's programmes stay within their yearly budgets", async () => {
    const firms = 6000;
    const years = 4;
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith(".yaml"))) {
      const specs = specsOf(file);
      const run = await runSimulation({
        firms,
        years,
        burnIn: 4,
        seed: 2,
        blockSize: 2000,
        reforms: specs,
      });
      for (let k = 1; k <= specs.length; k++) {
        for (const x of spendAndBudgets(run, specs, k, firms)) {
          if (x.spend > x.budget + 1e-6) {
            throw new Error(
              `${file} ${specs[k - 1].id} ${x.programme} ${x.year}: spent ${x.spend}, budget ${x.budget}`,
            );
          }
        }
      }
    }
  });

  it("records where the money goes: spend per firm adds up to the programmes' spend, by segment and by state", async () => {
    const specs = specsOf("differentiated.yaml").filter((s) =>
      ["policy_baseline", "differentiated"].includes(s.id),
    );
    const years = 3;
    const options = { firms: 6000, years, burnIn: 6, seed: 5, blockSize: 2000, reforms: specs };
    const run = await runSimulation(options);
    const spendAt = PROGRAMME_METRICS.indexOf("spend");
    for (const k of [1, 2]) {
      const programmes = run.programmes[k].length;
      const agg = run.aggregates[0][k];
      for (let t = 0; t < years; t++) {
        let reported = 0;
        for (let h = 0; h < programmes; h++)
          reported +=
            run.programmeTotals[0][k][(t * programmes + h) * PROGRAMME_METRICS.length + spendAt];
        const sum = (groups: number[]) =>
          groups.reduce((acc, g) => acc + agg[at(t, g, M.spend)], 0);
        const bySegment = sum(POSITIONS.map((_, g) => SEGMENT_GROUP0 + g));
        const byState = sum(STATES.map((_, g) => STATE_GROUP0 + g));
        expect(reported).toBeGreaterThan(0);
        expect(agg[at(t, 0, M.spend)]).toBeCloseTo(reported, 6);
        expect(bySegment).toBeCloseTo(reported, 6);
        expect(byState).toBeCloseTo(reported, 6);
      }
    }
    // The baseline runs no programme and records no spend.
    for (let t = 0; t < years; t++) expect(run.aggregates[0][0][at(t, 0, M.spend)]).toBe(0);
    // Against the baseline, which supports no one, all support is support it did not give.
    const report = summarize(run);
    for (const d of report.differences) {
      expect(d.totals.additional_recipients).toEqual(d.totals.recipients);
      expect(d.totals.additional_deadweight_share).toEqual(d.totals.deadweight_share);
    }
    // Against the current policy, a reform that adds to it adds only part of its support.
    const current = await runSimulation({ ...options, reference: "policy_baseline" });
    const added = summarize(current).differences.find((x) => x.reform === "differentiated");
    expect(added?.totals.additional_recipients.mean).toBeGreaterThan(0);
    expect(added?.totals.additional_recipients.mean).toBeLessThan(
      added?.totals.recipients.mean ?? 0,
    );
    // The report's segments split the spend difference the same way.
    const d = report.differences.find((x) => x.reform === "differentiated");
    const segments = d?.by_segment.reduce((acc, s) => acc + s.totals.spend.mean, 0) ?? 0;
    expect(segments).toBeCloseTo(d?.totals.spend.mean ?? Number.NaN, 6);
  });

  it("programmes give the same results on one thread and on two", async () => {
    const specs = specsOf("differentiated.yaml").filter((s) =>
      ["policy_baseline", "differentiated"].includes(s.id),
    );
    const opts = { firms: 6000, years: 2, burnIn: 4, seed: 2, blockSize: 1500, reforms: specs };
    const one = await runSimulation({ ...opts, threads: 1 });
    const two = await runSimulation({ ...opts, threads: 2 });
    expect(two.aggregates.map((r) => r.map((a) => [...a]))).toEqual(
      one.aggregates.map((r) => r.map((a) => [...a])),
    );
    expect(two.programmeTotals.map((r) => r.map((a) => [...a]))).toEqual(
      one.programmeTotals.map((r) => r.map((a) => [...a])),
    );
  });
});
