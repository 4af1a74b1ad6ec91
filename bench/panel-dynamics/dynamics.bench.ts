/**
 * Panel dynamics timings on the synthetic export panel (bench/panel-dynamics/gen.ts): states and
 * spells, the 3-state transition matrix by size, and Kaplan-Meier of export spells by size with
 * the log-rank test (from the frame, and on spells built beforehand as R's step). Reading the file is timed apart; each step reports the best of --reps.
 * dynamics.R times the same steps in R (survival's survfit/survdiff, table()) on the same file.
 *
 *   node --import tsx bench/panel-dynamics/dynamics.bench.ts [--file bench/out/dynamics-1m.csv] [--reps 3]
 */
import { parseArgs } from "node:util";
import { readFrame } from "../../src/io/index.ts";
import {
  deriveStates,
  kaplanMeier,
  logRank,
  spellSurvival,
  transitions,
} from "../../src/panel/index.ts";

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
// the same step R times: curves by size and the log-rank test on spells built beforehand
const built = deriveStates(frame, { export: "exporter" });
if (!built.ok) throw new Error("states failed");
const sp = built.value.spells;
const size = frame.columns.get("size");
if (size?.kind !== "categorical") throw new Error("size should be categorical");
const dur = Array.from(sp.duration_S);
const ev = Array.from(sp.event_S);
const grp = Int32Array.from(sp.first_S, (k) => size.codes[built.value.order.order[k]]);
const kmOnly = best("km on built spells", () => {
  for (let g = 0; g < size.levels.length; g++) {
    const sel = dur.map((_, j) => j).filter((j) => grp[j] === g);
    kaplanMeier(
      sel.map((j) => dur[j]),
      sel.map((j) => ev[j]),
    );
  }
  logRank(dur, ev, grp, size.levels);
  return { ok: true };
});
const fmt = (s: number) => s.toFixed(3);
console.log(
  `RESULT outward rows=${frame.nrows} load_s=${fmt(load)} states_s=${fmt(states)} transitions_by_size_s=${fmt(trans)} km_by_size_logrank_s=${fmt(km)} km_weighted_s=${fmt(kmw)} km_logrank_on_spells_s=${fmt(kmOnly)}`,
);
