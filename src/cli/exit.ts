/** Documented exit codes, shared by every command. */
export const EXIT = {
  ok: 0,
  /** Some rows were rejected; the others were processed and written. */
  rejected: 1,
  /** Bad arguments, unreadable or malformed input file. */
  usage: 2,
  /** The computation itself failed (no convergence, singular model). */
  failure: 3,
} as const;

/** An error that carries the exit code the CLI should end with. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.usage) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
