import { writeTextFile } from "../io/index.ts";
import { CliError } from "./exit.ts";

/** Writes one of a command's output files (`what` names it in the error), whole or not at all. */
export function writeReportFile(path: string, text: string, what: string): void {
  try {
    writeTextFile(path, text);
  } catch (err) {
    throw new CliError(`${path}: cannot write the ${what} (${(err as Error).message})`);
  }
}
