/**
 * How often a 95% interval for cost per additional exporter-year covers the true ratio, for
 * Fieller's interval on the ratio of means (what the report gives) and for the t interval of
 * per-replication ratios (what it gave before): 4,000 samples of 8 replications whose spend
 * and effect are correlated normals (true ratio 50), at three noise levels of the effect.
 *
 *   node --import tsx bench/simulate/ratio-coverage.ts [samples=4000] [replications=8]
 */
import { meanInterval, ratioInterval, reduce } from "../../src/simulate/index.ts";
import { ratioSamples } from "./ratio-samples.ts";

const SAMPLES = Number(process.argv[2] ?? 4000);
const N = Number(process.argv[3] ?? 8);

console.log("effect mean, sd | Fieller covers (unbounded) | mean of ratios covers (undefined)");
for (const [mu, sd] of [
  [20, 6],
  [10, 6],
  [6, 6],
]) {
  let fieller = 0;
  let unbounded = 0;
  let naive = 0;
  let undefinedRatio = 0;
  for (const { spend, effect } of ratioSamples(mu, sd, SAMPLES, N)) {
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
