// The fingerprint of src/: every file's path, size and modification time. The CLI bundle records
// the fingerprint it was built from; a different one means src/ changed since.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** SHA-256 over the sorted (path, size, mtime) of every file under `root`/src. */
export function sourceFingerprint(root) {
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        hash.update(`${p.slice(root.length)}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  walk(join(root, "src"));
  return hash.digest("hex");
}

// The fingerprint of the compiled kernel's sources (assembly/*.ts): names and contents, so a
// kernel built on another machine from the same sources matches.
export function kernelFingerprint(root) {
  const hash = createHash("sha256");
  const dir = join(root, "assembly");
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".ts")) continue;
    hash
      .update(name)
      .update("\0")
      .update(readFileSync(join(dir, name)))
      .update("\0");
  }
  return hash.digest("hex");
}
