import type { Command } from "commander";

// Placeholder until the panel estimate command lands; owned by its module's author.
export function registerEstimate(panel: Command): void {
  panel.command("estimate").description("(not yet available)");
}
