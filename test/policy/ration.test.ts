import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ration } from "../../src/policy/index.ts";

const arbCase = fc.record({
  count: fc.integer({ min: 0, max: 60 }),
  cost: fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0.01, max: 10, noNaN: true })),
  budget: fc.option(
    fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 100, noNaN: true })),
  ),
  rule: fc.constantFrom("random", "priority", "pro_rata"),
  seed: fc.integer(),
});

interface Case {
  count: number;
  cost: number;
  budget: number | null;
  rule: string;
  seed: number;
}

function input(c: Case) {
  // Deterministic pseudo-draws from the seed, distinct per applicant.
  const draws = Float64Array.from(
    { length: c.count },
    (_, k) => ((Math.imul(k + 1, 2654435761) ^ c.seed) >>> 0) / 2 ** 32,
  );
  const scores = Float64Array.from({ length: c.count }, (_, k) =>
    k % 7 === 3 ? Number.NaN : (k * 37) % 11,
  );
  return {
    slots: Int32Array.from({ length: c.count }, (_, k) => k * 3),
    count: c.count,
    draws,
    scores: c.rule === "priority" ? scores : null,
    cost: c.cost,
    budget: c.budget,
    proRata: c.rule === "pro_rata",
  };
}

describe("budget rationing", () => {
  it("never spends more than the cap and never serves more than applied", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const r = ration(input(c));
        if (c.budget !== null) expect(r.spend).toBeLessThanOrEqual(c.budget * (1 + 1e-12));
        expect(r.servedCount).toBeLessThanOrEqual(c.count);
        expect(r.share).toBeGreaterThan(0);
        expect(r.share).toBeLessThanOrEqual(1);
        expect(new Set(r.served).size).toBe(r.servedCount);
        // Whole grants use as much of the budget as they can: one more would exceed it.
        if (c.rule !== "pro_rata" && c.budget !== null && r.servedCount < c.count) {
          expect((r.servedCount + 1) * c.cost).toBeGreaterThan(c.budget);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("is deterministic for the same draws", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const a = ration(input(c));
        const b = ration(input(c));
        expect([...a.served]).toEqual([...b.served]);
        expect(a.spend).toBe(b.spend);
      }),
      { numRuns: 200 },
    );
  });

  it("random order serves the lowest draws; priority serves the highest known scores first", () => {
    const draws = Float64Array.from([0.9, 0.1, 0.5, 0.3]);
    const base = {
      slots: Int32Array.from([0, 1, 2, 3]),
      count: 4,
      draws,
      cost: 10,
      budget: 25,
      proRata: false,
    };
    expect([...ration({ ...base, scores: null }).served]).toEqual([1, 3]);
    const scores = Float64Array.from([1, Number.NaN, 5, 5]);
    // 2 and 3 tie on 5: the lower draw (3) goes first; unknown scores go last.
    expect([...ration({ ...base, scores, budget: 35 }).served]).toEqual([3, 2, 0]);
  });

  it("serves in order of draw, then applicant, for 32-bit draws (with ties) and for any others", () => {
    const arbDraws = fc.oneof(
      // The run's generator: multiples of 2^-32, few distinct values so that ties occur.
      fc.array(
        fc.integer({ min: 0, max: 5 }).map((h) => (h * 977_123) / 2 ** 32),
        {
          maxLength: 50,
        },
      ),
      fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 50 }),
    );
    fc.assert(
      fc.property(arbDraws, fc.integer({ min: 0, max: 60 }), (list, budget) => {
        const draws = Float64Array.from(list);
        const count = draws.length;
        const r = ration({
          slots: Int32Array.from({ length: count }, (_, k) => k),
          count,
          draws,
          scores: null,
          cost: 1,
          budget,
          proRata: false,
        });
        const applicants = [...Array(count).keys()];
        // A budget that covers everyone serves the applicants as they came.
        const order =
          budget >= count ? applicants : applicants.sort((a, b) => draws[a] - draws[b] || a - b);
        expect([...r.served]).toEqual(order.slice(0, Math.min(count, budget)));
      }),
      { numRuns: 300 },
    );
  });

  it("pro rata serves everyone with the share the budget allows", () => {
    const r = ration({
      slots: Int32Array.from([4, 5, 6, 7]),
      count: 4,
      draws: new Float64Array(4),
      scores: null,
      cost: 100,
      budget: 100,
      proRata: true,
    });
    expect(r.servedCount).toBe(4);
    expect(r.share).toBeCloseTo(0.25, 12);
    expect(r.spend).toBe(100);
  });

  it("weighs each applicant: serving a firm that stands for w firms costs w grants", () => {
    const base = {
      slots: Int32Array.from([0, 1, 2, 3]),
      count: 4,
      // Queue order: 1, 3, 2, 0.
      draws: Float64Array.from([0.9, 0.1, 0.5, 0.3]),
      scores: null,
      cost: 10,
      weights: Float64Array.from([1, 2, 5, 3]),
      proRata: false,
    };
    // 1 (20) and 3 (30) fit in 55; 2 (50) does not, and the queue stops there, before 0 (10).
    const r = ration({ ...base, budget: 55 });
    expect([...r.served]).toEqual([1, 3]);
    expect(r.spend).toBe(50);
    // Everyone fits in 110 (the weighted demand): all served, spend is the demand.
    expect(ration({ ...base, budget: 110 }).spend).toBe(110);
    // Pro rata shares the budget over the weighted demand.
    const p = ration({ ...base, budget: 55, proRata: true });
    expect(p.servedCount).toBe(4);
    expect(p.share).toBeCloseTo(0.5, 12);
    expect(p.spend).toBe(55);
  });

  it("with unit weights serves exactly as without weights, and never spends past the cap", () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 1, max: 9 }), (c, w) => {
        // Sums of whole costs are exact, so unit weights must serve the same applicants.
        const exact = Number.isInteger(c.cost) && (c.budget === null || Number.isInteger(c.budget));
        const plain = ration(input(c));
        const unit = ration({ ...input(c), weights: new Float64Array(c.count).fill(1) });
        if (exact) {
          expect([...unit.served]).toEqual([...plain.served]);
          expect(unit.spend).toBe(plain.spend);
        }
        const heavy = ration({ ...input(c), weights: new Float64Array(c.count).fill(w) });
        if (c.budget !== null && c.rule !== "pro_rata") {
          expect(heavy.spend).toBeLessThanOrEqual(c.budget);
        }
        if (c.budget !== null) expect(heavy.spend).toBeLessThanOrEqual(c.budget * (1 + 1e-12));
        expect(heavy.servedCount).toBeLessThanOrEqual(c.count);
      }),
      { numRuns: 300 },
    );
  });
});
