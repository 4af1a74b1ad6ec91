import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { formatIssue, type Issue } from "../../framework/index.ts";
import type { ReformSpec } from "../../simulate/index.ts";
import { DEFAULT_HOOK_FACTORY, linkFactory } from "../../simulate/index.ts";
import { CliError, EXIT } from "../exit.ts";

/** The scenario's systems, and every file read for them (the scenario and its `from` chain). */
export async function loadReforms(
  file: string,
): Promise<{ reforms: ReformSpec[]; files: string[] }> {
  const policy = await import("../../policy/index.ts");
  // The programmes' module is already loaded here: linked, this thread needs no TypeScript loader
  // to import it again by URL (the prebuilt CLI runs without one).
  linkFactory(DEFAULT_HOOK_FACTORY, policy);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new CliError(`cannot read scenario ${file} (${(err as Error).message})`, EXIT.usage);
  }
  const fail = (issues: Issue[]) => new CliError(issues.map(formatIssue).join("\n"), EXIT.usage);
  const parsed = policy.parseScenario(text, { file });
  if (!parsed.ok) throw fail(parsed.issues);
  // The policy reader is synchronous; referenced scenario files are small and read once.
  const files = [file];
  const reader = (ref: string, from: string) => {
    const path = resolve(dirname(from), ref);
    try {
      const text = readFileSync(path, "utf8");
      files.push(path);
      return { ok: true as const, value: { file: path, text } };
    } catch (err) {
      return {
        ok: false as const,
        issues: [
          {
            code: "unreadable",
            file: from,
            field: "baseline.from",
            value: ref,
            message: `cannot read ${ref}: ${(err as Error).message}`,
          },
        ],
      };
    }
  };
  const resolved = policy.resolveScenario(parsed.value, file, reader);
  if (!resolved.ok) throw fail(resolved.issues);
  return { reforms: policy.systemSpecs(resolved.value), files };
}
