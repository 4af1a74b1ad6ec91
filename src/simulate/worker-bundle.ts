/**
 * How a simulation worker starts: it bundles its own code first, the worker entry and the
 * reforms' factory modules, into one JavaScript file (esbuild, a dependency; packages left
 * as plain imports), then loads that file with no TypeScript loader. That takes ~0.5 s instead
 * of 1-2 s through tsx (the loader, then each of the ~150 modules of a policy factory through
 * the loader's own thread), and a worker's start is time the second core does not simulate.
 * The worker bundles, not the calling thread: the calling thread is simulating meanwhile and
 * would answer esbuild only between blocks.
 *
 * The file is cached under node_modules/.cache/outward (packages resolve from there). When
 * every module it links lives under src/, the bundle is named by the sources' fingerprint (the
 * one bin/outward.js checks the CLI bundle against: each file's path, size and modification
 * time) and the entry, so a later start finds it without running esbuild, which took about a
 * third of a worker's start. Otherwise it is named by its content after each build. If anything
 * fails (no esbuild, a read-only tree, a factory that is not a file), the worker loads its
 * TypeScript sources through tsx instead.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sourceFingerprint } from "../../bin/fingerprint.js";

/** What the bootstrap needs, passed as the worker's `workerData`. */
export interface WorkerBoot {
  /** esbuild's path, or "" (then tsx straight away). */
  esbuild: string;
  /** The bundle's entry source (TypeScript). */
  entry: string;
  /** Name of the cached bundle for these sources, or "" (then built and named by content). */
  key: string;
  /** Directory the entry's relative imports resolve from. */
  resolveDir: string;
  /** Where bundles are cached. */
  cacheDir: string;
  /** tsx's ESM registration API and the worker entry (fallback). */
  tsxApi: string;
  workerUrl: string;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The bootstrap of a worker that links `factories` (file URLs of hook modules). */
export function workerBoot(factories: readonly string[]): WorkerBoot {
  const req = createRequire(import.meta.url);
  const tsxPkg = req.resolve("tsx/package.json");
  const boot: WorkerBoot = {
    esbuild: "",
    entry: "",
    key: "",
    resolveDir: here,
    cacheDir: join(here, "..", "..", "node_modules", ".cache", "outward"),
    tsxApi: pathToFileURL(join(dirname(tsxPkg), "dist/esm/api/index.mjs")).href,
    workerUrl: pathToFileURL(join(here, "worker.ts")).href,
  };
  if (!factories.every((f) => f.startsWith("file:"))) return boot;
  try {
    boot.esbuild = req.resolve("esbuild");
  } catch {
    return boot;
  }
  const lines = factories.map(
    (url, k) => `import * as f${k} from ${JSON.stringify(fileURLToPath(url))};`,
  );
  lines.push(`import { linkFactory } from ${JSON.stringify(join(here, "hooks-factory.ts"))};`);
  for (let k = 0; k < factories.length; k++) {
    lines.push(`linkFactory(${JSON.stringify(factories[k])}, f${k});`);
  }
  // Loaded last: its message handler is set once the factories are linked.
  lines.push(`await import(${JSON.stringify(join(here, "worker.ts"))});`);
  boot.entry = lines.join("\n");
  const src = join(here, "..") + sep;
  if (factories.every((f) => fileURLToPath(f).startsWith(src))) {
    const root = join(here, "..", "..");
    const fingerprint: string = sourceFingerprint(root);
    boot.key = createHash("sha256")
      .update(fingerprint)
      .update(boot.entry)
      .digest("hex")
      .slice(0, 16);
  }
  return boot;
}

/** The worker's first code (plain JavaScript, run with `eval`; reads `workerData`). */
export const BOOTSTRAP = `
const { workerData: d } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
function bundle() {
  if (!d.esbuild) return null;
  const keyed = d.key ? path.join(d.cacheDir, "sim-worker-k" + d.key + ".mjs") : "";
  if (keyed && fs.existsSync(keyed)) return pathToFileURL(keyed).href;
  try {
    // One esbuild process for this build, not esbuild's own service thread: that thread and
    // its process would outlive the build and keep the program from exiting.
    process.env.ESBUILD_WORKER_THREADS = "0";
    const out = require(d.esbuild).buildSync({
      stdin: { contents: d.entry, resolveDir: d.resolveDir, loader: "ts", sourcefile: "entry.ts" },
      bundle: true, format: "esm", platform: "node", target: "node20",
      packages: "external", write: false, logLevel: "silent",
    });
    const text = out.outputFiles[0].text;
    fs.mkdirSync(d.cacheDir, { recursive: true });
    const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
    const file = keyed || path.join(d.cacheDir, "sim-worker-" + hash + ".mjs");
    if (!fs.existsSync(file)) {
      // Written under a temporary name, then renamed: another worker may be reading it.
      const tmp = file + "." + process.pid + "." + require("node:worker_threads").threadId;
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, file);
    }
    return pathToFileURL(file).href;
  } catch {
    return null;
  }
}
const file = bundle();
if (file) import(file);
else import(d.tsxApi).then((m) => { m.register(); return import(d.workerUrl); });
`;
