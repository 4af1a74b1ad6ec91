import type { Command } from "commander";

// Placeholder until the framework command lands; owned by its module's author.
export function registerFramework(program: Command): void {
  program.command("framework").description("(not yet available)");
}
