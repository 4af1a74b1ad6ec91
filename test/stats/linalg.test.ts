import { describe, expect, it } from "vitest";
import {
  choleskyDrop,
  cholInverse,
  crossprod,
  invertSpd,
  matMul,
  pChisqUpper,
  pFUpper,
  pTwoSided,
  solveSpd,
} from "../../src/stats/index.ts";

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

describe("Cholesky with collinearity detection", () => {
  it("inverts a random SPD matrix (A A^-1 = I)", () => {
    const rnd = lcg(3);
    const k = 5;
    const B = new Float64Array(k * k).map(() => rnd());
    const A = matMul(
      B,
      new Float64Array(k * k).map((_, i) => B[(i % k) * k + Math.floor(i / k)]),
      k,
      k,
      k,
    );
    for (let i = 0; i < k; i++) A[i * k + i] += 1;
    const inv = invertSpd(A, k);
    const I = matMul(A, inv, k, k, k);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) expect(I[i * k + j]).toBeCloseTo(i === j ? 1 : 0, 12);
  });

  it("drops the later column of a collinear pair and keeps the order", () => {
    const rnd = lcg(9);
    const n = 50;
    const x1 = new Float64Array(n).map(() => rnd());
    const x2 = new Float64Array(n).map(() => rnd());
    const x3 = x1.map((v, i) => 2 * v - x2[i]);
    const x4 = new Float64Array(n).map(() => rnd());
    const { XtX } = crossprod([x1, x2, x3, x4], x4);
    const res = choleskyDrop(XtX, 4);
    expect(res.kept).toEqual([0, 1, 3]);
    expect(res.dropped).toEqual([2]);
    const inv = cholInverse(res.L, 3);
    expect(inv[0]).toBeGreaterThan(0);
  });

  it("solves the normal equations of an exact linear relation", () => {
    const rnd = lcg(1);
    const n = 40;
    const one = new Float64Array(n).fill(1);
    const x = new Float64Array(n).map(() => rnd());
    const y = x.map((v) => 1.5 - 2 * v);
    const w = new Float64Array(n).map(() => 1 + Math.abs(rnd()));
    const { XtX, Xty } = crossprod([one, x], y, w);
    const b = solveSpd(XtX, 2, Xty);
    expect(b[0]).toBeCloseTo(1.5, 12);
    expect(b[1]).toBeCloseTo(-2, 12);
  });

  it("crossprod matches a naive double loop across block boundaries", () => {
    const rnd = lcg(5);
    const n = 5000;
    const cols = [0, 1, 2].map(() => new Float64Array(n).map(() => rnd()));
    const y = new Float64Array(n).map(() => rnd());
    const w = new Float64Array(n).map(() => Math.abs(rnd()));
    const { XtX, Xty, yty } = crossprod(cols, y, w);
    for (let a = 0; a < 3; a++) {
      let sy = 0;
      for (let i = 0; i < n; i++) sy += cols[a][i] * y[i] * w[i];
      expect(Xty[a]).toBeCloseTo(sy, 10);
      for (let b = 0; b < 3; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += cols[a][i] * cols[b][i] * w[i];
        expect(XtX[a * 3 + b]).toBeCloseTo(s, 10);
      }
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += y[i] * y[i] * w[i];
    expect(yty).toBeCloseTo(s, 10);
  });
});

describe("distributions (values from R)", () => {
  it("t, chi-square and F tails", () => {
    // p-values printed by R in reference/panel/reference_emplUK.json (within_individual, hausman)
    expect(pTwoSided(-6.22155334408757, 888) / 7.5751644373976e-10).toBeCloseTo(1, 9);
    expect(pChisqUpper(60.9869044931945, 3) / 3.61721239199944e-13).toBeCloseTo(1, 7);
    expect(pChisqUpper(64.0060708569951, 3) / 8.18355227519283e-14).toBeCloseTo(1, 7);
    // F(1, d) is t(d)^2 and chi-square(2) has the survival function exp(-x/2)
    expect(pFUpper(6.22155334408757 ** 2, 1, 888) / 7.5751644373976e-10).toBeCloseTo(1, 7);
    expect(pChisqUpper(5, 2)).toBeCloseTo(Math.exp(-2.5), 14);
    expect(pChisqUpper(3.2, 1)).toBeCloseTo(
      pTwoSided(Math.sqrt(3.2), Number.POSITIVE_INFINITY),
      14,
    );
    expect(pTwoSided(1.959963984540054, Number.POSITIVE_INFINITY)).toBeCloseTo(0.05, 12);
  });
});

describe("general solve", () => {
  it("solves an indefinite system (as the Hausman difference can be)", async () => {
    const { solveGeneral } = await import("../../src/stats/index.ts");
    const A = Float64Array.from([1, 2, 2, -3]);
    const x = solveGeneral(A, 2, Float64Array.from([5, -4]));
    // 1*x0 + 2*x1 = 5, 2*x0 - 3*x1 = -4  ->  x = (1, 2)
    expect(x[0]).toBeCloseTo(1, 14);
    expect(x[1]).toBeCloseTo(2, 14);
    expect(() =>
      solveGeneral(Float64Array.from([1, 2, 2, 4]), 2, Float64Array.from([1, 1])),
    ).toThrow(/singular/);
  });
});
