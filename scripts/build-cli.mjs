#!/usr/bin/env node
// Bundles the CLI into dist/outward.mjs so that `outward` starts without the TypeScript loader
// (about a second of CPU and ~150 module round trips saved per run). bin/outward.js uses the
// bundle only while its recorded source fingerprint matches src/; otherwise it falls back to tsx,
// so an edited checkout never runs stale code. Run by npm's `prepare` on install.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
  outdir: dist,
  entryNames: "outward",
  chunkNames: "chunks/[name]-[hash]",
  // Commands import their packages (Plot, linkedom, csv-parse...) lazily; split chunks keep that.
  splitting: true,
  outExtension: { ".js": ".mjs" },
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
// Chunks first (their names carry a content hash), the entry that imports them last.
mkdirSync(join(dist, "chunks"), { recursive: true });
const entry = join(dist, "outward.mjs");
for (const f of out.outputFiles) if (f.path !== entry) place(f.path.slice(dist.length + 1), f.text);
place("outward.mjs", out.outputFiles.find((f) => f.path === entry).text);
place("outward.fingerprint", `${fingerprint}\n`);
// Chunks of earlier builds (same names when the sources are unchanged, so a build over an
// unchanged tree removes nothing a running CLI may still load).
const kept = new Set(out.outputFiles.map((f) => f.path));
for (const name of readdirSync(join(dist, "chunks"))) {
  const path = join(dist, "chunks", name);
  if (!kept.has(path)) rmSync(path, { force: true });
}
