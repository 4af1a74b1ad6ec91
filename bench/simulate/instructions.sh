#!/bin/sh
# Instructions per simulated firm-year, independent of the machine's load: the benchmark's
# workload (once.ts, 1 thread) under cachegrind at two sizes; the difference of the instruction
# counts divided by the difference of firm-years cancels start-up.
#
# once.ts and its reform module are first bundled to JavaScript (esbuild, which tsx brings), so
# node runs without the TypeScript loader: Node 20 runs loader hooks on a thread of their own,
# whose waits made the counts of one size vary by ~1e9 instructions between identical runs.
# --single-threaded keeps V8's compiler and garbage collector on the main thread for the same
# reason. OUTWARD_KERNEL=js in the environment counts the JavaScript kernels instead of the
# compiled one. NODE_EXTRA adds node flags: with --single-threaded V8 never moves the compiled
# kernel from its baseline tier (Liftoff) to its optimizing one, which a normal run does in
# the background within its first blocks, so the compiled kernel is counted with
# NODE_EXTRA=--no-liftoff (optimized from the start).
#
#   sh bench/simulate/instructions.sh [small=4000] [large=44000]
set -e
small=${1:-4000}
large=${2:-44000}
root=$(pwd)
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
# The bundles import packages by name: resolve them from this checkout.
ln -s "$root/node_modules" "$build/node_modules"
for f in once hooks; do
  "$root/node_modules/.bin/esbuild" --bundle --format=esm --platform=node --packages=external \
    --log-level=warning "$root/bench/simulate/$f.ts" --outfile="$build/$f.mjs"
done
count() {
  # A bundled copy does not find dist/kernel.wasm from its own address: name it.
  OUTWARD_KERNEL_WASM="$root/dist/kernel.wasm" valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    node --single-threaded $NODE_EXTRA "$build/once.mjs" "$1" "$build/hooks.mjs" 2>&1 | sed -n 's/.*I *refs: *//p' | tr -d ,
}
a=$(count "$small")
b=$(count "$large")
echo "instructions: $a ($small firms), $b ($large firms)"
echo "per firm-year: $(( (b - a) / ((large - small) * 55) ))"
