import type { Command } from "commander";
import type { FrameworkRawOptions } from "./framework-options.ts";

const EXAMPLES = `
Examples:
  outward framework                              Table 1, all 30 cells
  outward framework --proposition P3             one row (also: --proposition 3)
  outward framework --theme mode --perspective learning,resource_network
  outward framework --json | jq '.cells | length'
  outward framework --instruments --policy-theme dynamic_activity
  outward framework --modes --width 140

Perspectives: stage, internalization, strategic_choice, learning, resource_network.
Themes: 1 timing, 2 intensity_sustainability, 3 mode, 4 domestic_environment,
        5 external_resources, 6 unit_of_analysis.
Empty cells are the two the review leaves blank (P4 internalization, P5 stage).
Unknown filter values end with exit code 2 and list the valid ones.
`;

/** `outward framework`: the review's Table 1, support instruments and entry modes. */
export function registerFramework(program: Command): void {
  program
    .command("framework")
    .description(
      "Show the review's framework: Table 1 (six propositions x five perspectives, cited), support instruments or entry modes",
    )
    .option("--json", "print the data as JSON (cells with conditions and citations)")
    .option("--perspective <ids>", "only these perspectives (comma-separated)")
    .option("--proposition <ids>", "only these propositions: P1..P6 or 1..6 (comma-separated)")
    .option(
      "--theme <ids>",
      "only the propositions of these themes: 1..6 or name (comma-separated)",
    )
    .option(
      "--instruments",
      "list support instruments instead of Table 1 (--perspective filters them)",
    )
    .option("--policy-theme <ids>", "with --instruments: only these policy themes")
    .option("--modes", "list foreign-market entry modes instead of Table 1")
    .option("--width <columns>", "text width (default: the terminal's, or 100 when not a terminal)")
    .addHelpText("after", EXAMPLES)
    .action(async (raw: FrameworkRawOptions) => {
      const { parseFrameworkOptions } = await import("./framework-options.ts");
      const { frameworkOutput } = await import("./framework-run.ts");
      const query = parseFrameworkOptions(
        raw,
        process.stdout.isTTY ? (process.stdout.columns ?? 100) : 100,
      );
      process.stdout.write(frameworkOutput(query));
    });
}
