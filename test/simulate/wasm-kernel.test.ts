/**
 * The compiled kernel (assembly/, dist/kernel.wasm) against the process-by-process reference
 * year: every column of every slot and every aggregate bit for bit, with and without a
 * programme acting, through births, deaths, mentoring and tallies. Also: the kernel is built
 * from the current sources, and its descriptor and metric layouts match the JavaScript lists.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { kernelFingerprint } from "../../bin/fingerprint.js";
import { allocateScenario, allocateScenarios, simulateBlocks } from "../../src/simulate/index.ts";
import { KERNEL_CONSTANTS, KERNEL_SLOTS, KernelArena } from "../../src/simulate/kernel/arena.ts";
import { everyEffect } from "../../src/simulate/kernel/warm-up.ts";
import { compileKernel, kernelModule } from "../../src/simulate/kernel/wasm-module.ts";
import { METRICS } from "../../src/simulate/metrics.ts";
import { buildYearHooks } from "./fixtures/grant-hooks.ts";
import { expectSameRuns, params } from "./helpers.ts";

const root = new URL("../../", import.meta.url);

/** `export const NAME: i32 = k;` lines of an AssemblyScript file, as [NAME, k]. */
function constants(file: string): Array<[string, number]> {
  const text = readFileSync(new URL(file, root), "utf8");
  return [...text.matchAll(/^export const (\w+): i32 = (\d+);$/gm)].map((m) => [
    m[1],
    Number(m[2]),
  ]);
}

const snake = (name: string) => name.replace(/([A-Z])/g, "_$1").toUpperCase();

describe("compiled kernel", () => {
  it("is built from the current assembly/ sources", () => {
    const recorded = readFileSync(new URL("dist/kernel.fingerprint", root), "utf8").trim();
    expect(recorded, "dist/kernel.wasm is stale: run npm run build").toBe(
      kernelFingerprint(fileURLToPath(root)),
    );
    expect(kernelModule()).not.toBeNull();
  });

  it("addresses the columns and constants in the order arena.ts writes them", () => {
    const layout = constants("assembly/layout.ts");
    const counts = ["SLOT_COUNT", "CONSTANT_COUNT"];
    const slots = layout.filter(([n]) => !n.startsWith("C_") && !counts.includes(n));
    const expected = KERNEL_SLOTS.map((name) => snake(name).replace(/^TABLE_/, "T_"));
    expect(slots.map(([n]) => n)).toEqual(expected);
    expect(slots.map(([, k]) => k)).toEqual(KERNEL_SLOTS.map((_, k) => k));
    expect(layout.find(([n]) => n === "SLOT_COUNT")?.[1]).toBe(KERNEL_SLOTS.length);
    expect(layout.find(([n]) => n === "CONSTANT_COUNT")?.[1]).toBe(KERNEL_CONSTANTS.length);
    const scalars = layout.filter(([n]) => n.startsWith("C_"));
    expect(scalars.map(([n]) => n.slice(2))).toEqual(KERNEL_CONSTANTS.map(snake));
    expect(scalars.map(([, k]) => k)).toEqual(KERNEL_CONSTANTS.map((_, k) => k));
  });

  it("names the file when a kernel file is missing or not WebAssembly", () => {
    const missing = fileURLToPath(new URL("dist/no-such-kernel.wasm", root));
    expect(() => compileKernel(missing)).toThrow(
      /no-such-kernel\.wasm: cannot read the compiled kernel/,
    );
    const text = fileURLToPath(new URL("package.json", root));
    expect(() => compileKernel(text)).toThrow(
      /package\.json: not a compiled kernel .*npm run build/,
    );
  });

  it("declines an arena beyond 4 GiB (the caller then keeps the scenarios on the heap)", () => {
    const module = kernelModule();
    expect(module).not.toBeNull();
    expect(KernelArena.create(module!, 1000, 2 ** 32, 2)).toBeNull();
    expect(KernelArena.create(module!, 1000, 2 ** 20, 2)).not.toBeNull();
    // A population whose byte counts pass 2^31 (3e9 firms, windowed) is declined too, not
    // turned into a negative size by 32-bit arithmetic.
    const window = { capacity: 3e9, slots: 16384 };
    expect(KernelArena.create(module!, 3e9, 2 ** 20, 2, window)).toBeNull();
  });

  it("tallies into the metric offsets of metrics.ts", () => {
    const m = constants("assembly/metrics.ts").filter(([n]) => n.startsWith("M_"));
    expect(m.map(([n]) => n.slice(2))).toEqual(METRICS.map((x) => x.toUpperCase()));
    expect(m.map(([, k]) => k)).toEqual(METRICS.map((_, k) => k));
  });

  it.each([
    ["default parameters, a grant", {}, "grant"],
    ["every programme effect, mentoring included", {}, "every"],
    [
      "a one-year performance lag, frequent births, projects and pulls",
      { exportPerformanceLag: 1, deathHazardYoung: 0.5, projectEndProb: 0.6, pullEventProb: 0.3 },
      "grant",
    ],
    [
      "many markets (log beyond its table) and fast learning",
      { maxMarkets: 400, marketAddProb: 0.9, marketDropProb: 0, learningPerYear: 4 },
      "every",
    ],
  ] as const)("matches the process-by-process year bit for bit (%s)", (_, overrides, programme) => {
    const plan = {
      firms: 5000,
      years: 6,
      startYear: 2025,
      burnIn: 8,
      blockSize: 2048,
      seed: 17,
      params: params(overrides),
    };
    const hooks =
      programme === "grant"
        ? buildYearHooks({ budget: 9_000, grant: 10, offset: 2 })
        : [everyEffect];
    const compiled = allocateScenarios(plan.firms, [[], hooks]);
    expect(compiled.every((s) => s.kernel !== null)).toBe(true);
    const reference = [allocateScenario(plan.firms, []), allocateScenario(plan.firms, hooks)];
    const a = simulateBlocks(plan, 1, [0, 1, 2], compiled, null, undefined, "fused");
    const b = simulateBlocks(plan, 1, [0, 1, 2], reference, null, undefined, "reference");
    expectSameRuns(a, b, compiled, reference);
  });
});
