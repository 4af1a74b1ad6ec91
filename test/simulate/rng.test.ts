import { describe, expect, it } from "vitest";
import { counterRng, drawKey, uniformAt } from "../../src/simulate/index.ts";

describe("counter-based generator", () => {
  it("is a pure function of (seed, replication, year, stream, slot)", () => {
    const a = counterRng(42, 3);
    const b = counterRng(42, 3);
    const k = a.key(2030, 5);
    expect(b.key(2030, 5)).toBe(k);
    expect(a.uniform(k, 17)).toBe(b.uniform(k, 17));
    expect(drawKey(42, 3, 2030, 5)).toBe(k);
    expect(drawKey(42, 4, 2030, 5)).not.toBe(k);
    expect(drawKey(43, 3, 2030, 5)).not.toBe(k);
    expect(drawKey(42, 3, 2031, 5)).not.toBe(k);
    expect(drawKey(42, 3, 2030, 6)).not.toBe(k);
  });

  it("gives uniform draws across slots (chi-square, 20 bins)", () => {
    const key = drawKey(1, 0, 2025, 4);
    const n = 200_000;
    const bins = new Float64Array(20);
    for (let i = 0; i < n; i++) bins[Math.floor(uniformAt(key, i) * 20)]++;
    const e = n / 20;
    let chi = 0;
    for (const o of bins) chi += (o - e) ** 2 / e;
    // 99.9% quantile of chi-square with 19 df is 43.8.
    expect(chi).toBeLessThan(43.8);
  });

  it("has no correlation between neighbouring slots or between streams", () => {
    const k1 = drawKey(1, 0, 2025, 1);
    const k2 = drawKey(1, 0, 2025, 2);
    const n = 100_000;
    let sxy = 0;
    let sxz = 0;
    for (let i = 0; i < n; i++) {
      const x = uniformAt(k1, i) - 0.5;
      sxy += x * (uniformAt(k1, i + 1) - 0.5);
      sxz += x * (uniformAt(k2, i) - 0.5);
    }
    // Correlation sd ~ 1/sqrt(n) = 0.003; 1/12 is the variance of a uniform.
    expect(Math.abs(sxy / n / (1 / 12))).toBeLessThan(0.015);
    expect(Math.abs(sxz / n / (1 / 12))).toBeLessThan(0.015);
  });

  it("rejects bad seeds and replications", () => {
    expect(() => counterRng(1.5, 0)).toThrow(/seed/);
    expect(() => counterRng(1, -1)).toThrow(/replication/);
  });
});

describe("counterRng seeds", () => {
  it("takes 32-bit seeds and refuses those that would repeat another seed's draws", () => {
    expect(counterRng(0xffffffff, 0).seed).toBe(0xffffffff);
    expect(() => counterRng(2 ** 32 + 1, 0)).toThrow(/from 0 to 4294967295/);
    expect(() => counterRng(-1, 0)).toThrow(/from 0 to 4294967295/);
  });
});
