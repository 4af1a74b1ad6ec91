#!/usr/bin/env node
// Runs the prebuilt bundle (scripts/build-cli.mjs) when it was built from the current src/, and
// the TypeScript sources through tsx's loader otherwise, so an install or an edit never needs a
// build step to be correct, only to start faster.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sourceFingerprint } from "./fingerprint.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function bundleIsCurrent() {
  if (process.env.OUTWARD_NO_BUNDLE === "1") return false;
  try {
    const built = readFileSync(join(root, "dist", "outward.fingerprint"), "utf8").trim();
    return built === sourceFingerprint(root);
  } catch {
    return false;
  }
}

let main;
if (bundleIsCurrent()) {
  ({ main } = await import("../dist/outward.mjs"));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
await main(process.argv);
