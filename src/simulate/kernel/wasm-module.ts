/**
 * The compiled kernel (assembly/, built to dist/kernel.wasm by `npm run build`, which npm's
 * `prepare` runs on install). It is read and compiled once per process; worker threads are
 * handed the compiled module instead of reading the file again. Without the file, or with
 * OUTWARD_KERNEL=js, the simulation runs the JavaScript kernels, which give the same numbers
 * more slowly. OUTWARD_KERNEL_WASM names another file (a bundled copy of the code, whose own
 * address says nothing of where the kernel is).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const WASM_URL = new URL("../../../dist/kernel.wasm", import.meta.url);

let loaded: WebAssembly.Module | null | undefined;

/**
 * The compiled kernel, or null where it is absent or switched off. A file named by
 * OUTWARD_KERNEL_WASM must exist: a benchmark pointed at a wrong path would otherwise time the
 * JavaScript kernels without saying so.
 */
export function kernelModule(): WebAssembly.Module | null {
  if (loaded !== undefined) return loaded;
  let module: WebAssembly.Module | null = null;
  const named = process.env.OUTWARD_KERNEL_WASM;
  const file = fileURLToPath(WASM_URL);
  if (process.env.OUTWARD_KERNEL === "js") module = null;
  else if (named) module = compileKernel(named);
  else if (existsSync(file)) module = compileKernel(file);
  loaded = module;
  return module;
}

/** Reads and compiles a kernel file; an error names the file and what was expected. */
export function compileKernel(file: string): WebAssembly.Module {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new Error(`${file}: cannot read the compiled kernel (${(err as Error).message})`);
  }
  try {
    return new WebAssembly.Module(bytes);
  } catch (err) {
    throw new Error(
      `${file}: not a compiled kernel (${(err as Error).message}); rebuild it with npm run build`,
    );
  }
}

/** Uses a module compiled by another thread (or none: the JavaScript kernels). */
export function adoptKernelModule(module: WebAssembly.Module | null): void {
  loaded = module;
}

/** Which kernel runs in this thread, for the stamp of results. */
export function kernelName(): "wasm" | "js" {
  return kernelModule() ? "wasm" : "js";
}
