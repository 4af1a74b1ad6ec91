/** An error from the operating system (ENOENT, EISDIR, EACCES, ENOSPC...), not from our code. */
export function isSystemError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === "string";
}
