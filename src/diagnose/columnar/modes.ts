import { emptyProfile, type ProfileColumns, UNKNOWN_CODE } from "../../firm/index.ts";
import { ENTRY_MODES, POSITIONS, SECTORS, TECH_INTENSITIES, TRI } from "../../framework/index.ts";
import type { Context } from "../rule.ts";
import { MODE_REASON_FIELDS, MODE_REASONS } from "../rules/modes.ts";
import {
  type DiagnosisColumns,
  LEVELS,
  UNDETERMINED,
  VERDICT_CAUTION,
  VERDICT_NOT_SUITED,
  VERDICT_POSSIBLE,
  VERDICT_SUITS,
} from "./outputs.ts";

// Mode guidance reads eight categorical facts: four tri fields, technology intensity, sector,
// position and the resource barrier level. Their codes pack into one key, and each key's verdict
// pattern is worked out once from the rule's own reasons (MODE_REASONS, each `when` asked of a
// profile that carries just those facts) and kept: at most 3^4 * 4 * 6 * 7 * 4 = 54,432 entries.
// Asking the reasons directly, rather than building the full guidance, keeps a first sight of a
// key cheap: a register shows tens of thousands of keys.
const KEY_FIELDS: readonly string[] = [
  "resources_fungible",
  "prefers_control",
  "large_firm_links",
  "client_pull",
  "tech_intensity",
  "sector",
  "position",
  "barrier_levels",
];
// A reason reading any other fact would make the table wrong for some firms; refuse to load.
for (const field of MODE_REASON_FIELDS) {
  if (!KEY_FIELDS.includes(field)) throw new Error(`mode verdict key lacks ${field}`);
}
const TECH_N = TECH_INTENSITIES.length + 1;
const SECTOR_N = SECTORS.length + 1;
const POSITION_N = POSITIONS.length + 1;
const TABLE_SIZE = 81 * TECH_N * SECTOR_N * POSITION_N * 4;
/** Verdict pattern per key; -1 until first needed. */
const patterns = new Int32Array(TABLE_SIZE).fill(-1);

/** Enum codes with unknown (255) folded onto `n - 1`. */
const dense = (code: number, n: number) => (code === UNKNOWN_CODE ? n - 1 : code);

// One scratch firm and context, refilled for each new key.
const scratch = { ...emptyProfile("") };
const context: Context = {
  position: "undetermined",
  state: "undetermined",
  barrier_levels: {
    attitudinal: "unknown",
    resource: "unknown",
    operational: "unknown",
    strategic: "unknown",
  },
};
const MODE_BITS = MODE_REASONS.map((r) =>
  r.modes.reduce((m, mode) => m | (1 << ENTRY_MODES.indexOf(mode)), 0),
);

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
  scratch.resources_fungible = TRI[fungible];
  scratch.prefers_control = TRI[control];
  scratch.large_firm_links = TRI[links];
  scratch.client_pull = TRI[pull];
  scratch.tech_intensity = tech === TECH_N - 1 ? null : TECH_INTENSITIES[tech];
  scratch.sector = sector === SECTOR_N - 1 ? null : SECTORS[sector];
  context.position = position === POSITION_N - 1 ? "undetermined" : POSITIONS[position];
  context.barrier_levels.resource = LEVELS[level];
  // Which modes have a reason for, against, or for caution (as verdictOf in mode-guidance.ts).
  let forIt = 0;
  let against = 0;
  let caution = 0;
  for (let r = 0; r < MODE_REASONS.length; r++) {
    const reason = MODE_REASONS[r];
    if (!reason.when(scratch, context)) continue;
    if (reason.effect === "for") forIt |= MODE_BITS[r];
    else if (reason.effect === "against") against |= MODE_BITS[r];
    else caution |= MODE_BITS[r];
  }
  let pattern = 0;
  for (let m = 0; m < ENTRY_MODES.length; m++) {
    const bit = 1 << m;
    const verdict =
      against & bit
        ? forIt & bit
          ? VERDICT_CAUTION
          : VERDICT_NOT_SUITED
        : caution & bit
          ? VERDICT_CAUTION
          : forIt & bit
            ? VERDICT_SUITS
            : VERDICT_POSSIBLE;
    pattern |= verdict << (2 * m);
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
