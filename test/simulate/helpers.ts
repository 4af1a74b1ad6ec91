import { expect } from "vitest";
import { formatIssue, type Result } from "../../src/framework/index.ts";
import {
  parseScenario,
  resolveScenario,
  type ScenarioReader,
  systemSpecs,
} from "../../src/policy/index.ts";
import type { BlockResult } from "../../src/simulate/blocks.ts";
import {
  allocateEffects,
  allocatePopulation,
  columnNames,
  counterRng,
  defaultParams,
  type Population,
  type SimParams,
  synthesizeRange,
  withParams,
} from "../../src/simulate/index.ts";
import { poolStats, workersLoaded } from "../../src/simulate/pool.ts";
import type { StepContext } from "../../src/simulate/processes/context.ts";
import { allocateDecisionScratch } from "../../src/simulate/processes/export-decision.ts";
import type { RunOptions } from "../../src/simulate/runner.ts";
import { runSimulation } from "../../src/simulate/runner.ts";
import type { ScenarioState } from "../../src/simulate/year-step.ts";

/** n copies of one synthesized firm (a tradable, low-tech traditional manufacturer by default). */
export function clones(
  n: number,
  setup: (pop: Population, i: number) => void = () => {},
): Population {
  const pop = allocatePopulation(n);
  synthesizeRange(pop, 0, n, 2020, defaultParams(), counterRng(5, 0));
  for (const k of columnNames(pop)) {
    const col = pop[k] as Uint8Array;
    col.fill(col[0]);
  }
  for (let i = 0; i < n; i++) {
    pop.firmId[i] = i;
    pop.tradable[i] = 1;
    pop.sector[i] = 1;
    pop.techIntensity[i] = 0;
    pop.employees[i] = 10;
    pop.founded[i] = 2000;
    pop.barrierAttitudinal[i] = 3;
    pop.barrierResource[i] = 3;
    pop.barrierOperational[i] = 3;
    pop.barrierStrategic[i] = 3;
    pop.sunkCostConcern[i] = 3;
    pop.largeFirmLinks[i] = 0;
    pop.clientPull[i] = 0;
    pop.domesticDemand[i] = 0;
    pop.knowledge[i] = 0;
    setup(pop, i);
  }
  return pop;
}

export function params(overrides: Record<string, number> = {}): SimParams {
  const p = withParams(overrides);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
}

export function context(
  n: number,
  p: SimParams = defaultParams(),
  year = 2025,
  seed = 9,
): StepContext {
  return { year, start: 0, end: n, params: p, rng: counterRng(seed, 0) };
}

export function fresh(n: number) {
  return { effects: allocateEffects(n), scratch: allocateDecisionScratch(n) };
}

export function share(
  mask: (i: number) => boolean,
  n: number,
  value: (i: number) => number,
): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (!mask(i)) continue;
    s += value(i);
    c++;
  }
  return s / c;
}

function columnBytes(pop: Population, name: ReturnType<typeof columnNames>[number]): Buffer {
  const col = pop[name];
  return Buffer.from(col.buffer, col.byteOffset, col.byteLength);
}

/**
 * Two runs of the same blocks (a baseline and one reform) agree bit for bit: every column of
 * every slot, every aggregate and programme total. Also asserts the comparison is not vacuous:
 * firms export and the programme spends.
 */
export function expectSameRuns(
  a: BlockResult[],
  b: BlockResult[],
  left: ScenarioState[],
  right: ScenarioState[],
): void {
  for (let k = 0; k < 2; k++) {
    for (const name of columnNames(left[k].pop)) {
      expect(columnBytes(left[k].pop, name).equals(columnBytes(right[k].pop, name)), name).toBe(
        true,
      );
    }
  }
  let exporters = 0;
  for (let blk = 0; blk < a.length; blk++) {
    for (let k = 0; k < 2; k++) {
      expect([...a[blk].aggregates[k]]).toEqual([...b[blk].aggregates[k]]);
      expect([...a[blk].programmes[k]]).toEqual([...b[blk].programmes[k]]);
      exporters += a[blk].aggregates[k][1];
    }
  }
  expect(exporters).toBeGreaterThan(0);
  expect(a.some((r) => r.programmes[1].some((x) => x > 0))).toBe(true);
}

/**
 * Runs `options` on 1 thread, then on 2 until the worker thread has run some of the blocks
 * (this thread may claim them all before the worker joins; five tries), and expects the same
 * aggregates bit for bit each time. `factory`: the reforms' hook module, linked into the worker.
 */
export async function expectSameWithWorker(options: RunOptions, factory: string): Promise<void> {
  await workersLoaded(1, [factory]);
  const one = await runSimulation({ ...options, threads: 1 });
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = poolStats().workerTasks;
    const two = await runSimulation({ ...options, threads: 2 });
    for (let k = 0; k < one.aggregates[0].length; k++) {
      expect(
        Buffer.from(two.aggregates[0][k].buffer).equals(Buffer.from(one.aggregates[0][k].buffer)),
      ).toBe(true);
    }
    if (poolStats().workerTasks > before) return;
  }
  expect.fail("the worker thread ran no block in five runs");
}

/** A run of the baseline and one grant reform (fixtures/grant-hooks.ts), on one thread. */
export function grantRun(size: {
  firms: number;
  years: number;
  replications: number;
  seed: number;
}) {
  const factory = new URL("./fixtures/grant-hooks.ts", import.meta.url).href;
  return runSimulation({
    ...size,
    burnIn: 5,
    threads: 1,
    reforms: [
      { id: "grant", hash: "g", factory, scenario: { budget: 20_000, grant: 10, offset: 2 } },
    ],
  });
}

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
  return r.value;
}

/** The reforms of a scenario file's text that reads no other file (`from` is refused). */
export function reformsOf(text: string, file = "scenario.yaml") {
  const noFiles: ScenarioReader = (ref) => {
    throw new Error(`no file ${ref} here`);
  };
  return systemSpecs(ok(resolveScenario(ok(parseScenario(text, { file })), file, noFiles)));
}
