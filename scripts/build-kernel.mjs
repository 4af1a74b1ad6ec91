#!/usr/bin/env node
// Compiles the simulation kernel (assembly/, AssemblyScript) to dist/kernel.wasm. Run by npm's
// `prepare` on install and by `npm run build`. dist/kernel.fingerprint records the hash of the
// sources it was built from; a test fails when they have changed since (rebuild with npm run
// build). Without the file the simulation runs its JavaScript kernels (same numbers, slower).
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { kernelFingerprint } from "../bin/fingerprint.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

// The compiler is a devDependency: an install without it (npm install --omit=dev) keeps the
// JavaScript kernels rather than failing.
let asc;
try {
  asc = (await import("assemblyscript/asc")).default;
} catch {
  console.warn("assemblyscript is not installed: the simulation will run its JavaScript kernels");
  process.exit(0);
}
mkdirSync(dist, { recursive: true });
const tmp = join(dist, `kernel.${process.pid}.wasm`);
const { error, stderr } = await asc.main([
  join(root, "assembly", "index.ts"),
  "--optimizeLevel",
  "3",
  "--shrinkLevel",
  "0",
  "--runtime",
  "stub",
  "--noAssert",
  "--importMemory",
  "--outFile",
  tmp,
]);
if (error) {
  process.stderr.write(stderr.toString());
  console.error(`kernel build failed: ${error.message}`);
  process.exit(1);
}
// Renamed into place: a simulation starting meanwhile reads the old kernel or the new.
renameSync(tmp, join(dist, "kernel.wasm"));
writeFileSync(join(dist, "kernel.fingerprint"), `${kernelFingerprint(root)}\n`);
