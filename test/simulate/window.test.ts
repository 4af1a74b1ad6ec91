import { describe, expect, it } from "vitest";
import {
  allocateScenarios,
  type BlockPlan,
  columnNames,
  enterBlock,
  simulateBlocks,
} from "../../src/simulate/index.ts";
import { buildYearHooks } from "./fixtures/grant-hooks.ts";
import { params } from "./helpers.ts";

const plan: BlockPlan = {
  firms: 7000,
  years: 5,
  startYear: 2025,
  burnIn: 6,
  blockSize: 2048,
  seed: 23,
  params: params({ deathHazardYoung: 0.3 }),
};
const hooks = () => [[], buildYearHooks({ budget: 9_000, grant: 10, offset: 2 })];
const blocks = [0, 1, 2, 3];

describe("scenario columns held one block at a time", () => {
  it("gives the same results and final slots as the whole population in memory", () => {
    const whole = allocateScenarios(plan.firms, hooks());
    const windowed = allocateScenarios(plan.firms, hooks(), plan.blockSize);
    expect(windowed[0].kernel?.arena.window).toBe(plan.blockSize);
    expect(whole[0].kernel?.arena.window).toBeNull();
    const a = simulateBlocks(plan, 0, blocks, windowed, null);
    const b = simulateBlocks(plan, 0, blocks, whole, null);
    for (let blk = 0; blk < blocks.length; blk++) {
      for (let k = 0; k < 2; k++) {
        expect([...a[blk].aggregates[k]]).toEqual([...b[blk].aggregates[k]]);
        expect([...a[blk].programmes[k]]).toEqual([...b[blk].programmes[k]]);
      }
    }
    expect(a.some((r) => r.programmes[1].some((x) => x > 0))).toBe(true);
    // The last block (slots 6144..6999) is what the windowed columns hold at the end.
    const [start, end] = [6144, 7000];
    for (let k = 0; k < 2; k++) {
      for (const name of columnNames(whole[k].pop)) {
        const x = whole[k].pop[name] as Uint8Array;
        const y = windowed[k].pop[name] as Uint8Array;
        const bytes = (v: Uint8Array) =>
          Buffer.from(
            v.buffer,
            v.byteOffset + start * v.BYTES_PER_ELEMENT,
            (end - start) * v.BYTES_PER_ELEMENT,
          );
        expect(bytes(y).equals(bytes(x)), name).toBe(true);
      }
    }
  });

  it("takes memory for a block of each scenario, not for the population", () => {
    const firms = 200_000;
    const whole = allocateScenarios(firms, hooks());
    const windowed = allocateScenarios(firms, hooks(), 2048);
    const bytes = (s: typeof whole) => s[0].kernel!.arena.memory.buffer.byteLength;
    // Both are reserved; only the windows (and never the space below them) are ever touched.
    expect(bytes(windowed)).toBeLessThan(firms * 8 + 2 * 2048 * 400 + (1 << 20));
    expect(bytes(windowed)).toBeLessThan(bytes(whole) / 10);
  });

  it("refuses a block larger than the window", () => {
    const s = allocateScenarios(plan.firms, hooks(), 1024)[0];
    expect(() => enterBlock(s, 0, 2048)).toThrow(/larger than the arena's window/);
    enterBlock(s, 4096, 5120);
    expect(s.pop.exporting.length).toBe(5120);
  });
});
