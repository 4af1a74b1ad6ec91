/** SHA-256 over the sorted (path, size, mtime) of every file under `root`/src. */
export function sourceFingerprint(root: string): string;
/** SHA-256 over the names and contents of `root`/assembly/*.ts (the compiled kernel's sources). */
export function kernelFingerprint(root: string): string;
