/**
 * Panel dynamics timings on the synthetic export panel (bench/panel-dynamics/gen.ts): states and
 * spells, the 3-state transition matrix by size, and Kaplan-Meier of export spells by size with
 * the log-rank test. Reading the file is timed apart; each step reports the best of --reps.
 * dynamics.R times the same steps in R (survival's survfit/survdiff, table()) on the same file.
 *
 *   node --import tsx bench/panel-dynamics/dynamics.bench.ts [--file bench/out/dynamics-1m.csv] [--reps 3]
 */
import { parseArgs } from "node:util";
import { readFrame } from "../../src/io/index.ts";
import { deriveStates, spellSurvival, transitions } from "../../src/panel/index.ts";

const { values } = parseArgs({
  options: {
    file: { type: "string", default: "bench/out/dynamics-1m.csv" },
    reps: { type: "string", default: "3" },
  },
});
const t0 = performance.now();
const { frame } = await readFrame(values.file);
const load = (performance.now() - t0) / 1000;

function best<T>(label: string, fn: () => { ok: boolean; issues?: unknown } & T): number {
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < Number(values.reps); r++) {
    const t = performance.now();
    const res = fn();
    min = Math.min(min, (performance.now() - t) / 1000);
    if (!res.ok) throw new Error(`${label}: ${JSON.stringify(res.issues)}`);
  }
  return min;
}

const states = best("states", () => deriveStates(frame, { export: "exporter" }));
const trans = best("transitions", () => transitions(frame, { state: "export_state", by: "size" }));
const km = best("survival", () => spellSurvival(frame, { state: "exporter", by: "size" }));
const kmw = best("survival weighted", () =>
  spellSurvival(frame, { state: "exporter", by: "size", weights: "w" }),
);
const fmt = (s: number) => s.toFixed(3);
console.log(
  `RESULT outward rows=${frame.nrows} load_s=${fmt(load)} states_s=${fmt(states)} transitions_by_size_s=${fmt(trans)} km_by_size_logrank_s=${fmt(km)} km_weighted_s=${fmt(kmw)}`,
);
