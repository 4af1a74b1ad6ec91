import type { Command } from "commander";

// Placeholder until the panel transitions command lands; owned by its module's author.
export function registerTransitions(panel: Command): void {
  panel.command("transitions").description("(not yet available)");
}
