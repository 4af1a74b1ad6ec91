import type { Command } from "commander";

// Placeholder until the simulate command lands; owned by its module's author.
export function registerSimulate(program: Command): void {
  program.command("simulate").description("(not yet available)");
}
