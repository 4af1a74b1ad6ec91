import type { Command } from "commander";

// Placeholder until the assess command lands; owned by its module's author.
export function registerAssess(program: Command): void {
  program.command("assess").description("(not yet available)");
}
