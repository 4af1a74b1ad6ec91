/**
 * The fused firm-year pass (kernel/firm-year.ts) against its oracle, the process-by-process
 * reference year (reference-step.ts): every column of every slot and every aggregate must agree
 * bit for bit, with and without a programme acting, through births, deaths and register loads.
 */
import { describe, it } from "vitest";
import { allocateScenario, type ReformSpec, simulateBlocks } from "../../src/simulate/index.ts";
import { everyEffect } from "../../src/simulate/kernel/warm-up.ts";
import { buildYearHooks } from "./fixtures/grant-hooks.ts";
import { expectSameRuns, params } from "./helpers.ts";

const factory = new URL("./fixtures/grant-hooks.ts", import.meta.url).href;
const grant: ReformSpec = {
  id: "grant",
  hash: "g",
  factory,
  scenario: { budget: 9_000, grant: 10, offset: 2 },
};

function runBoth(overrides: Record<string, number>, programme: "grant" | "every") {
  const plan = {
    firms: 5000,
    years: 6,
    startYear: 2025,
    burnIn: 8,
    blockSize: 2048,
    seed: 17,
    params: params(overrides),
  };
  const hooks = programme === "grant" ? buildYearHooks(grant.scenario) : [everyEffect];
  const fused = [allocateScenario(plan.firms, []), allocateScenario(plan.firms, hooks)];
  const reference = [allocateScenario(plan.firms, []), allocateScenario(plan.firms, hooks)];
  const a = simulateBlocks(plan, 1, [0, 1, 2], fused, null, undefined, "fused");
  const b = simulateBlocks(plan, 1, [0, 1, 2], reference, null, undefined, "reference");
  return { a, b, fused, reference };
}

describe("fused firm-year pass", () => {
  it.each([
    ["default parameters, a grant", {}, "grant"],
    ["every programme effect, mentoring included", {}, "every"],
    [
      "a one-year performance lag, frequent births and projects",
      {
        exportPerformanceLag: 1,
        deathHazardYoung: 0.5,
        projectEndProb: 0.6,
        pullEventProb: 0.3,
      },
      "grant",
    ],
  ] as const)("matches the process-by-process year bit for bit (%s)", (_, overrides, programme) => {
    const { a, b, fused, reference } = runBoth(overrides, programme);
    expectSameRuns(a, b, fused, reference);
  });
});
