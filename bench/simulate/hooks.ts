/**
 * The benchmark's reform: an export-readiness grant for tradable non-exporters with moderate
 * attitudinal barriers, rationed within each block's share of the budget.
 */
import { STREAM, type YearHooks } from "../../src/simulate/index.ts";

export function buildYearHooks(scenario: unknown): YearHooks[] {
  const { budget, grant, offset } = scenario as { budget: number; grant: number; offset: number };
  return [
    {
      id: "readiness_grant",
      beforeDecision(ctx, pop, effects, recipients) {
        const key = ctx.rng.key(ctx.year, STREAM.policyBase);
        let money = budget * ctx.budgetShare;
        let eligible = 0;
        let takeUp = 0;
        for (let i = ctx.start; i < ctx.end; i++) {
          if (pop.tradable[i] !== 1 || pop.exporting[i] === 1 || pop.barrierAttitudinal[i] > 3.5)
            continue;
          eligible++;
          if (money < grant || ctx.rng.uniform(key, i) > 0.5) continue;
          money -= grant;
          takeUp++;
          recipients[i] = 1;
          effects.sunkCostOffset[i] += offset;
        }
        return { eligible, takeUp, spend: takeUp * grant, recipients };
      },
    },
  ];
}
