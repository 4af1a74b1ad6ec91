/**
 * Samples for the coverage study of cost-per-exporter intervals (ratio-coverage.ts, and the
 * test that holds Fieller's coverage): replications whose spend and effect are correlated
 * normals (correlation 0.6, true ratio spend / effect = 50), from seeded hashed counters.
 */
import { mix32s } from "../../src/simulate/rng.ts";

/** Standard normals (Box-Muller on hashed counters). */
function normals(seed: number, n: number): number[] {
  const out: number[] = [];
  for (let k = 0; out.length < n; k++) {
    const u1 = ((mix32s(seed ^ Math.imul(2 * k + 1, 0x9e3779b9)) >>> 0) + 0.5) / 4294967296;
    const u2 = ((mix32s(seed ^ Math.imul(2 * k + 2, 0x9e3779b9)) >>> 0) + 0.5) / 4294967296;
    const r = Math.sqrt(-2 * Math.log(u1));
    out.push(r * Math.cos(2 * Math.PI * u2), r * Math.sin(2 * Math.PI * u2));
  }
  return out.slice(0, n);
}

export interface RatioSample {
  spend: number[];
  effect: number[];
}

/** `samples` samples of `n` replications; the effect has mean `mu` and sd `sd`. */
export function ratioSamples(mu: number, sd: number, samples: number, n: number): RatioSample[] {
  const z = normals(20261207, samples * n * 2);
  return Array.from({ length: samples }, (_, t) => {
    const spend: number[] = [];
    const effect: number[] = [];
    for (let k = 0; k < n; k++) {
      const e1 = z[(t * n + k) * 2];
      const e2 = z[(t * n + k) * 2 + 1];
      effect.push(mu + sd * e1);
      spend.push(50 * mu + 150 * (0.6 * e1 + 0.8 * e2));
    }
    return { spend, effect };
  });
}
