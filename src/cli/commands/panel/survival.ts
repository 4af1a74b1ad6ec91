import type { Command } from "commander";

// Placeholder until the panel survival command lands; owned by its module's author.
export function registerSurvival(panel: Command): void {
  panel.command("survival").description("(not yet available)");
}
