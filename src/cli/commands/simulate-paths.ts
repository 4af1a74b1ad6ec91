import { realpathSync } from "node:fs";
import { basename, resolve } from "node:path";
import { CliError, EXIT } from "../exit.ts";
import type { SimulateOptions } from "./simulate-options.ts";

/** A path as the file system will see it: absolute, through symlinks when it exists. */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Refuses, before anything runs, an output that would overwrite an input or another output:
 * `--panel` over the register, `--csv` and `--plot` on one file, and so on.
 */
export function checkPaths(scenarioFiles: readonly string[], opts: SimulateOptions): void {
  const named: Array<[string, string | null, "input" | "output"]> = [
    ...scenarioFiles.map((f, k): [string, string, "input"] => [
      k === 0 ? "the scenario" : `the scenario's ${basename(f)}`,
      f,
      "input",
    ]),
    ["--register", opts.register === "-" ? null : opts.register, "input"],
    ["--panel", opts.panel, "output"],
    ["--panel's stamp", opts.panel === null ? null : `${opts.panel}.stamp.json`, "output"],
    ["--csv", opts.csv, "output"],
    ["--plot", opts.plot, "output"],
    ["--plot-spend", opts.plotSpend, "output"],
  ];
  const seen = new Map<string, [string, "input" | "output"]>();
  for (const [name, path, role] of named) {
    if (path === null) continue;
    const key = canonical(path);
    const before = seen.get(key);
    if (before && (role === "output" || before[1] === "output")) {
      const [other, otherRole] = before;
      const what =
        otherRole === "input" ? `would overwrite ${other}` : `and ${other} name the same file`;
      throw new CliError(
        `${name} ${what} (${path}): expected a separate file for each output`,
        EXIT.usage,
      );
    }
    if (!before) seen.set(key, [name, role]);
  }
}
