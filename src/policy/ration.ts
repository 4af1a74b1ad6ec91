/**
 * Budget rationing for one instrument, one year and one range of slots. Pure: the order of
 * service comes only from the draws and scores passed in.
 */
export interface RationInput {
  /** Applicant slots (any order). */
  slots: Int32Array;
  count: number;
  /** Uniform draw per applicant (same index as `slots`): the random queue and the tie-break. */
  draws: Float64Array;
  /** Priority score per applicant (NaN = unknown, served after every known score); null = random. */
  scores: Float64Array | null;
  cost: number;
  /** Money available; null = uncapped. */
  budget: number | null;
  proRata: boolean;
}

export interface RationResult {
  /** Indices into the input arrays of the served applicants, in service order. */
  served: Int32Array;
  servedCount: number;
  /** Fraction of the full support each served firm receives (1 unless pro-rata is short). */
  share: number;
  spend: number;
}

/** How many whole grants the budget pays for, guarding against 0.3/0.1 = 2.9999. */
function affordable(budget: number, cost: number): number {
  let m = Math.floor(budget / cost);
  while (m > 0 && m * cost > budget) m--;
  return (m + 1) * cost <= budget ? m + 1 : m;
}

export function ration(
  input: RationInput,
  order: Int32Array = new Int32Array(input.count),
): RationResult {
  const { count, cost, budget, draws, scores } = input;
  for (let k = 0; k < count; k++) order[k] = k;
  const all = {
    served: order.subarray(0, count),
    servedCount: count,
    share: 1,
    spend: count * cost,
  };
  if (budget === null || cost <= 0 || count * cost <= budget) return all;
  if (input.proRata) {
    const share = budget / (count * cost);
    // A budget too small to give anyone a positive share serves no one.
    if (!(share > 0)) return { ...all, servedCount: 0, served: order.subarray(0, 0), spend: 0 };
    return { ...all, share, spend: budget };
  }
  const m = Math.min(count, affordable(budget, cost));
  const head = order.subarray(0, count);
  if (scores === null) {
    head.sort((a, b) => draws[a] - draws[b] || a - b);
  } else {
    head.sort((a, b) => {
      const sa = scores[a];
      const sb = scores[b];
      const ka = Number.isNaN(sa);
      const kb = Number.isNaN(sb);
      if (ka !== kb) return ka ? 1 : -1;
      if (!ka && sa !== sb) return sb - sa;
      return draws[a] - draws[b] || a - b;
    });
  }
  return { served: head.subarray(0, m), servedCount: m, share: 1, spend: m * cost };
}
