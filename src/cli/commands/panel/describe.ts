import type { Command } from "commander";

// Placeholder until the panel describe command lands; owned by its module's author.
export function registerDescribe(panel: Command): void {
  panel.command("describe").description("(not yet available)");
}
