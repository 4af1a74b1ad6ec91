import type { Command } from "commander";

// Placeholder until the panel states command lands; owned by its module's author.
export function registerStates(panel: Command): void {
  panel.command("states").description("(not yet available)");
}
