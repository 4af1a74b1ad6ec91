/**
 * How often a 95% interval for cost per additional exporter-year covers the true ratio, for
 * Fieller's interval on the ratio of means (what the report gives) and for the t interval of
 * per-replication ratios (what it gave before): 4,000 samples of 8 replications whose spend
 * and effect are correlated normals (true ratio 50), at three noise levels of the effect.
 *
 *   node --import tsx bench/simulate/ratio-coverage.ts [samples=4000] [replications=8]
 */
import { meanInterval, ratioInterval, reduce } from "../../src/simulate/index.ts";
import { mix32s } from "../../src/simulate/rng.ts";

const SAMPLES = Number(process.argv[2] ?? 4000);
const N = Number(process.argv[3] ?? 8);

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

console.log("effect mean, sd | Fieller covers (unbounded) | mean of ratios covers (undefined)");
for (const [mu, sd] of [
  [20, 6],
  [10, 6],
  [6, 6],
]) {
  const z = normals(20261207, SAMPLES * N * 2);
  let fieller = 0;
  let unbounded = 0;
  let naive = 0;
  let undefinedRatio = 0;
  for (let t = 0; t < SAMPLES; t++) {
    const spend: number[] = [];
    const effect: number[] = [];
    for (let k = 0; k < N; k++) {
      const e1 = z[(t * N + k) * 2];
      const e2 = z[(t * N + k) * 2 + 1];
      effect.push(mu + sd * e1);
      spend.push(50 * mu + 150 * (0.6 * e1 + 0.8 * e2));
    }
    const r = ratioInterval(spend, effect);
    if (r.lo <= 50 && 50 <= r.hi) fieller++;
    if (!r.bounded) unbounded++;
    const q = reduce(
      meanInterval,
      spend.map((x, k) => (effect[k] > 0 ? x / effect[k] : Number.NaN)),
    );
    if (Number.isNaN(q.mean)) undefinedRatio++;
    else if (q.lo <= 50 && 50 <= q.hi) naive++;
  }
  const pct = (x: number) => `${((100 * x) / SAMPLES).toFixed(1)}%`;
  console.log(
    `${mu}, ${sd}`.padEnd(16),
    `| ${pct(fieller)} (${unbounded})`.padEnd(29),
    `| ${pct(naive)} (${undefinedRatio})`,
  );
}
