import type { Command } from "commander";

// Each panel subcommand lives in its own file in this folder and registers itself here.
export function registerPanel(program: Command): void {
  const panel = program
    .command("panel")
    .description("Firm-year panels: states, transitions, spell survival, panel estimators");
  void panel;
}
