import type { Command } from "commander";
import { registerDescribe } from "./describe.ts";
import { registerEstimate } from "./estimate.ts";
import { registerStates } from "./states.ts";
import { registerSurvival } from "./survival.ts";
import { registerTransitions } from "./transitions.ts";

// Each panel subcommand lives in its own file in this folder.
export function registerPanel(program: Command): void {
  const panel = program
    .command("panel")
    .description("Firm-year panels: states, transitions, spell survival, panel estimators");
  registerDescribe(panel);
  registerStates(panel);
  registerTransitions(panel);
  registerSurvival(panel);
  registerEstimate(panel);
}
