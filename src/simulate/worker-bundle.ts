/**
 * The worker threads' code as one prebuilt JavaScript file: the worker entry and the reforms'
 * factory modules bundled by esbuild (which tsx brings), packages left as plain imports. A
 * worker started from it needs no TypeScript loader: it starts in ~0.3 s instead of 1-2 s (the
 * loader, then each of the ~150 modules of a policy factory through the loader's own thread),
 * and a worker's start is time the second core does not simulate.
 *
 * The file is cached by content under node_modules/.cache/outward (packages resolve from
 * there). When it cannot be built (no esbuild, a read-only tree, a factory that is not a file),
 * the caller falls back to the loader (pool.ts).
 */
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

interface EsbuildApi {
  build(options: Record<string, unknown>): Promise<{ outputFiles?: { text: string }[] }>;
}

/**
 * The path of a bundled worker that links `factories` (file URLs), or null if it cannot be
 * built. esbuild works in its own process, so this thread keeps simulating meanwhile.
 */
export async function bundledWorker(factories: readonly string[]): Promise<string | null> {
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    const root = join(here, "..", "..");
    const req = createRequire(import.meta.url);
    const esbuild = createRequire(req.resolve("tsx/package.json"))("esbuild") as EsbuildApi;
    const lines: string[] = [];
    factories.forEach((url, k) => {
      if (!url.startsWith("file:")) throw new Error(`not a file: ${url}`);
      lines.push(`import * as f${k} from ${JSON.stringify(fileURLToPath(url))};`);
    });
    lines.push(`import { linkFactory } from ${JSON.stringify(join(here, "hooks-factory.ts"))};`);
    for (let k = 0; k < factories.length; k++) {
      lines.push(`linkFactory(${JSON.stringify(factories[k])}, f${k});`);
    }
    // Imported last: its message handler is set after the factories are linked.
    lines.push(`await import(${JSON.stringify(join(here, "worker.ts"))});`);
    const out = await esbuild.build({
      stdin: { contents: lines.join("\n"), resolveDir: here, loader: "ts", sourcefile: "entry.ts" },
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      write: false,
      logLevel: "silent",
    });
    const text = out.outputFiles?.[0]?.text;
    if (!text) return null;
    const dir = join(root, "node_modules", ".cache", "outward");
    mkdirSync(dir, { recursive: true });
    const file = join(
      dir,
      `sim-worker-${createHash("sha256").update(text).digest("hex").slice(0, 16)}.mjs`,
    );
    // Written under a temporary name then renamed: another process may be reading it.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    return file;
  } catch {
    return null;
  }
}
