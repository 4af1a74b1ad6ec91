/** SHA-256 over the sorted (path, size, mtime) of every file under `root`/src. */
export function sourceFingerprint(root: string): string;
