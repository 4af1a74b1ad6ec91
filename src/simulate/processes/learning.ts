/**
 * Learning by exporting: each export year adds to the firm's knowledge stock, which depreciates
 * when unused (Autio et al. 2000; Zahra et al. 2000). Knowledge raises expected export profit
 * and lowers the sunk cost (export-decision.ts), so experience, even of an exit, makes a later
 * return cheaper (the review's policy point on learning from failure as well as success).
 */
import type { Population } from "../population.ts";
import { checkRange, type StepContext } from "./context.ts";

export function learning(pop: Population, ctx: StepContext): void {
  checkRange(ctx, pop.capacity);
  learningKernel(pop.knowledge, pop.exporting, ctx);
}

export function learningKernel(
  knowledge_N: Float32Array,
  exporting_N: Uint8Array,
  ctx: StepContext,
): void {
  const keep = 1 - ctx.params.knowledgeDepreciation;
  const gain = ctx.params.learningPerYear;
  for (let i = ctx.start; i < ctx.end; i++) {
    knowledge_N[i] = keep * knowledge_N[i] + gain * exporting_N[i];
  }
}
