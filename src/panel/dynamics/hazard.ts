import { kaplanMeier } from "./survival.ts";

export interface CumulativeHazard {
  time: number[];
  /** Nelson (1972) - Aalen (1978) estimate: the sum of events / at risk up to each time. */
  cumhaz: number[];
  /** Standard error (sqrt of the sum of events / at risk^2; survfit's `std.chaz`). */
  std_err: number[];
  /** Fleming-Harrington survival exp(-cumhaz). */
  survival: number[];
}

/** Nelson-Aalen cumulative hazard of spells, with case weights. */
export function nelsonAalen(
  time_S: ArrayLike<number>,
  event_S: ArrayLike<number>,
  weight_S?: ArrayLike<number>,
): CumulativeHazard {
  const c = kaplanMeier(time_S, event_S, weight_S, { variance: "greenwood" });
  return {
    time: c.time,
    cumhaz: c.cumhaz,
    std_err: c.std_err_cumhaz,
    survival: c.cumhaz.map((h) => Math.exp(-h)),
  };
}
