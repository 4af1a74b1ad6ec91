#!/usr/bin/env node
// Bundles the CLI into dist/outward.mjs so that `outward` starts without the TypeScript loader
// (about a second of CPU and ~150 module round trips saved per run). bin/outward.js uses the
// bundle only while its recorded source fingerprint matches src/; otherwise it falls back to tsx,
// so an edited checkout never runs stale code. Run by npm's `prepare` on install.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { sourceFingerprint } from "../bin/fingerprint.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

// Each module keeps its own import.meta.url (workers and factories are found relative to it).
const ownUrl = {
  name: "own-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").replaceAll(
        "import.meta.url",
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: "ts",
    }));
  },
};

const fingerprint = sourceFingerprint(root);
const out = await build({
  entryPoints: [join(root, "src", "cli", "main.ts")],
  outfile: join(dist, "outward.mjs"),
  write: false,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  plugins: [ownUrl],
  logLevel: "warning",
});
mkdirSync(dist, { recursive: true });
// Written aside then renamed: a CLI starting meanwhile sees the old bundle or the new, never half.
const place = (name, text) => {
  const tmp = join(dist, `${name}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, join(dist, name));
};
place("outward.mjs", out.outputFiles[0].text);
place("outward.fingerprint", `${fingerprint}\n`);
