import { emptyProfile, type ProfileColumns, UNKNOWN_CODE } from "../../firm/index.ts";
import { ENTRY_MODES, POSITIONS, SECTORS, TECH_INTENSITIES, TRI } from "../../framework/index.ts";
import type { Context } from "../rule.ts";
import { adviseModes } from "../rules/mode-guidance.ts";
import { type DiagnosisColumns, LEVELS, UNDETERMINED, VERDICTS } from "./outputs.ts";

// Mode guidance reads eight categorical facts: four tri fields, technology intensity, sector,
// position and the resource barrier level. Their codes pack into one key, and each key's verdict
// pattern is worked out once by the single-firm rule itself (`adviseModes` on a profile that
// carries just those facts) and kept: at most 3^4 * 4 * 6 * 7 * 4 = 54,432 entries.
const TECH_N = TECH_INTENSITIES.length + 1;
const SECTOR_N = SECTORS.length + 1;
const POSITION_N = POSITIONS.length + 1;
const TABLE_SIZE = 81 * TECH_N * SECTOR_N * POSITION_N * 4;
/** Verdict pattern per key; -1 until first needed. */
const patterns = new Int32Array(TABLE_SIZE).fill(-1);

/** Enum codes with unknown (255) folded onto `n - 1`. */
const dense = (code: number, n: number) => (code === UNKNOWN_CODE ? n - 1 : code);

function patternOf(key: number): number {
  let k = key;
  const level = k % 4;
  k = (k - level) / 4;
  const position = k % POSITION_N;
  k = (k - position) / POSITION_N;
  const sector = k % SECTOR_N;
  k = (k - sector) / SECTOR_N;
  const tech = k % TECH_N;
  k = (k - tech) / TECH_N;
  const pull = k % 3;
  k = (k - pull) / 3;
  const links = k % 3;
  k = (k - links) / 3;
  const control = k % 3;
  const fungible = (k - control) / 3;
  const p = {
    ...emptyProfile(""),
    resources_fungible: TRI[fungible],
    prefers_control: TRI[control],
    large_firm_links: TRI[links],
    client_pull: TRI[pull],
    tech_intensity: tech === TECH_N - 1 ? null : TECH_INTENSITIES[tech],
    sector: sector === SECTOR_N - 1 ? null : SECTORS[sector],
  };
  const ctx: Context = {
    position: position === POSITION_N - 1 ? "undetermined" : POSITIONS[position],
    state: "undetermined",
    barrier_levels: {
      attitudinal: "unknown",
      resource: LEVELS[level],
      operational: "unknown",
      strategic: "unknown",
    },
  };
  const advice = adviseModes(p, ctx).modes;
  let pattern = 0;
  for (let m = 0; m < ENTRY_MODES.length; m++) {
    const a = advice.find((x) => x.mode === ENTRY_MODES[m]);
    if (a === undefined) throw new Error(`mode guidance gave no verdict for ${ENTRY_MODES[m]}`);
    pattern |= VERDICTS.indexOf(a.verdict) << (2 * m);
  }
  return pattern;
}

/**
 * Entry-mode verdicts over rows [start, end), 2 bits per mode. Reads the position and the
 * resource barrier level already written to `out`.
 */
export function modeKernel(
  cols: ProfileColumns,
  out: DiagnosisColumns,
  start: number,
  end: number,
): void {
  const { resources_fungible, prefers_control, large_firm_links, client_pull } = cols;
  const { tech_intensity, sector } = cols;
  const position = out.position;
  const level_N4 = out.barrier_level;
  const verdicts = out.mode_verdicts;
  for (let i = start; i < end; i++) {
    let k = resources_fungible[i];
    k = k * 3 + prefers_control[i];
    k = k * 3 + large_firm_links[i];
    k = k * 3 + client_pull[i];
    k = k * TECH_N + dense(tech_intensity[i], TECH_N);
    k = k * SECTOR_N + dense(sector[i], SECTOR_N);
    const pos = position[i];
    k = k * POSITION_N + (pos === UNDETERMINED ? POSITION_N - 1 : pos);
    k = k * 4 + level_N4[i * 4 + 1];
    let pattern = patterns[k];
    if (pattern < 0) {
      pattern = patternOf(k);
      patterns[k] = pattern;
    }
    verdicts[i] = pattern;
  }
}
