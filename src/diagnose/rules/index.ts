import type { Rule } from "../rule.ts";
import { barrierRule } from "./barriers.ts";
import { modeRule } from "./mode-guidance.ts";
import { positionRule } from "./position.ts";
import { RECOMMENDATION_RULES } from "./recommend.ts";
import { stateRule } from "./state.ts";
import { table1Rule } from "./table1.ts";

/** Every declared rule, in evaluation order (for listings and the declared-reads test). */
export const RULES: readonly Rule<unknown>[] = [
  positionRule,
  stateRule,
  barrierRule,
  modeRule,
  ...RECOMMENDATION_RULES,
  table1Rule,
] as readonly Rule<unknown>[];
