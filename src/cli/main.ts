import { Command } from "commander";
import { registerAssess } from "./commands/assess.ts";
import { registerFramework } from "./commands/framework.ts";
import { registerPanel } from "./commands/panel/index.ts";
import { registerSimulate } from "./commands/simulate.ts";
import { EXIT } from "./exit.ts";

export function buildProgram(): Command {
  const program = new Command("outward")
    .description(
      "SME internationalization policy toolkit: explainable diagnostics, panel analytics, policy simulation",
    )
    .version("0.1.0")
    .showHelpAfterError()
    .addHelpText(
      "after",
      `\nExit codes:\n  ${EXIT.ok}  success\n  ${EXIT.rejected}  some input rows were rejected (the rest were processed)\n  ${EXIT.usage}  bad command line or unreadable input\n  ${EXIT.failure}  computation failed (e.g. no convergence)`,
    );
  // Before the commands are added: subcommands copy this setting when created, and without it
  // commander would exit with 1 on their usage errors instead of throwing.
  program.exitOverride();
  // Each command's options are its own, after its name: without this the root splits the
  // arguments first, and `simulate calibrate --seed 7` gave --seed to simulate, not calibrate.
  program.enablePositionalOptions();
  registerFramework(program);
  registerAssess(program);
  registerPanel(program);
  registerSimulate(program);
  return program;
}

/** The only place that sets the process exit code. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    const code = await program.parseAsync(argv).then(() => process.exitCode ?? EXIT.ok);
    process.exitCode = typeof code === "number" ? code : EXIT.ok;
  } catch (err) {
    process.exitCode = reportError(err);
  }
}

function reportError(err: unknown): number {
  if (err && typeof err === "object" && "code" in err) {
    const code = String((err as { code: unknown }).code);
    if (code === "commander.helpDisplayed" || code === "commander.version") return EXIT.ok;
    if (code.startsWith("commander.")) return EXIT.usage;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`outward: ${message}\n`);
  const usage =
    err && typeof err === "object" && "exitCode" in err
      ? Number((err as { exitCode: unknown }).exitCode)
      : EXIT.failure;
  return Number.isFinite(usage) ? usage : EXIT.failure;
}
