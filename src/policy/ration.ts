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
  /**
   * Survey weight per applicant (same index as `slots`), or null when every applicant stands
   * for one firm. An applicant weighing w stands for w firms of the population, so serving it
   * costs w × cost of a budget set for the population.
   */
  weights?: Float64Array | null;
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

const INDEX_BITS = 21;
const TWO_POW_32 = 4294967296;
let keys = new Float64Array(0);

/**
 * Orders `head` (the indices 0..count-1) by draw, then index, with the engine's numeric sort
 * instead of a comparator call per comparison. It applies when every draw is a 32-bit uniform
 * (a multiple of 2^-32 in [0, 1), as the run's generator gives) and count < 2^21: then
 * draw * 2^53 + index is an exact integer that sorts in the same order. Returns false, leaving
 * `head` as it was, otherwise.
 */
function drawOrder(head: Int32Array, draws: Float64Array, count: number): boolean {
  if (count >= 1 << INDEX_BITS) return false;
  if (keys.length < count) keys = new Float64Array(Math.max(count, 2 * keys.length));
  const k = keys.subarray(0, count);
  for (let j = 0; j < count; j++) {
    const bits = draws[head[j]] * TWO_POW_32;
    if (!(bits >= 0 && bits < TWO_POW_32 && bits === Math.floor(bits))) return false;
    k[j] = bits * (1 << INDEX_BITS) + head[j];
  }
  k.sort();
  for (let j = 0; j < count; j++) head[j] = k[j] % (1 << INDEX_BITS);
  return true;
}

/**
 * How many applicants at the head of the queue the budget pays for, each costing its weight ×
 * cost: service stops at the first applicant the rest of the budget does not cover, as a queue
 * does. Returns the count and the spend.
 */
function affordableWeighted(
  head: Int32Array,
  weights: Float64Array,
  cost: number,
  budget: number,
): [number, number] {
  let spend = 0;
  let m = 0;
  for (; m < head.length; m++) {
    const next = spend + weights[head[m]] * cost;
    if (next > budget) break;
    spend = next;
  }
  return [m, spend];
}

export function ration(
  input: RationInput,
  order: Int32Array = new Int32Array(input.count),
): RationResult {
  const { count, cost, budget, draws, scores } = input;
  const weights = input.weights ?? null;
  for (let k = 0; k < count; k++) order[k] = k;
  let demand = count * cost;
  if (weights !== null) {
    demand = 0;
    for (let k = 0; k < count; k++) demand += weights[k] * cost;
  }
  const all = {
    served: order.subarray(0, count),
    servedCount: count,
    share: 1,
    spend: demand,
  };
  if (budget === null || cost <= 0 || demand <= budget) return all;
  if (input.proRata) {
    const share = budget / demand;
    // A budget too small to give anyone a positive share serves no one.
    if (!(share > 0)) return { ...all, servedCount: 0, served: order.subarray(0, 0), spend: 0 };
    return { ...all, share, spend: budget };
  }
  const head = order.subarray(0, count);
  if (scores === null) {
    if (!drawOrder(head, draws, count)) head.sort((a, b) => draws[a] - draws[b] || a - b);
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
  if (weights !== null) {
    const [m, spend] = affordableWeighted(head, weights, cost, budget);
    return { served: head.subarray(0, m), servedCount: m, share: 1, spend };
  }
  const m = Math.min(count, affordable(budget, cost));
  return { served: head.subarray(0, m), servedCount: m, share: 1, spend: m * cost };
}
