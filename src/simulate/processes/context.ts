import type { SimParams } from "../params.ts";
import type { CounterRng } from "../rng.ts";

/** What every process needs for one year over one range of slots. */
export interface StepContext {
  /** Calendar year being simulated. */
  year: number;
  /** Slots [start, end). */
  start: number;
  end: number;
  params: SimParams;
  rng: CounterRng;
}

export function checkRange(ctx: StepContext, capacity: number): void {
  if (!(ctx.start >= 0 && ctx.start <= ctx.end && ctx.end <= capacity)) {
    throw new RangeError(`slot range [${ctx.start}, ${ctx.end}) outside [0, ${capacity})`);
  }
}
