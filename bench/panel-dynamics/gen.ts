/**
 * Synthetic export panel for the dynamics benchmark: F firms observed in one contiguous block of
 * 4..T years within 2000..2000+T-1, 3 export states from a size-dependent Markov chain (as the
 * reference panel's generator), 1 firm in 20 missing one interior year. Seeded, so every run
 * writes the same file.
 *
 *   node --import tsx bench/panel-dynamics/gen.ts [--firms 100000] [--years 15] [--out bench/out/dynamics-1m.csv]
 */
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    firms: { type: "string", default: "100000" },
    years: { type: "string", default: "15" },
    out: { type: "string", default: "bench/out/dynamics-1m.csv" },
  },
});
const F = Number(values.firms);
const T = Number(values.years);
let seed = 20260101 >>> 0;
const rand = () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const P = {
  small: [
    [0.85, 0.12, 0.03],
    [0.3, 0.55, 0.15],
    [0.1, 0.2, 0.7],
  ],
  medium: [
    [0.75, 0.18, 0.07],
    [0.2, 0.55, 0.25],
    [0.05, 0.15, 0.8],
  ],
};
const draw = (p: number[]) => {
  const u = rand();
  return u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
};
const out = createWriteStream(values.out);
out.write("firm,year,size,export_state,exporter,w\n");
let rows = 0;
let buf = "";
for (let f = 1; f <= F; f++) {
  const size = rand() < 0.6 ? "small" : "medium";
  const len = 4 + Math.floor(rand() * (T - 3));
  const start = 2000 + Math.floor(rand() * (T - len + 1));
  const skip = f % 20 === 0 && len > 2 ? start + 1 + Math.floor(rand() * (len - 2)) : -1;
  let s = draw(size === "small" ? [0.7, 0.2, 0.1] : [0.5, 0.3, 0.2]);
  const w = 1 + (f % 3);
  for (let y = start; y < start + len; y++) {
    if (y > start) s = draw(P[size][s]);
    if (y === skip) continue;
    buf += `${f},${y},${size},${s},${s > 0 ? 1 : 0},${w}\n`;
    rows++;
  }
  if (buf.length > 1 << 20) {
    out.write(buf);
    buf = "";
  }
}
out.end(buf);
await new Promise<void>((resolve) => out.on("finish", () => resolve()));
console.log(`wrote ${values.out}: ${rows} rows, ${F} firms`);
