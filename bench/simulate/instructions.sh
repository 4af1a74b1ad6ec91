#!/bin/sh
# Instructions per simulated firm-year, independent of the machine's load: the benchmark's
# workload (once.ts) under cachegrind at two sizes; the difference of the instruction counts
# divided by the difference of firm-years cancels start-up and the loader. Compilation runs on
# the main thread (--no-concurrent-recompilation) so the count does not depend on when a
# background compile finishes under valgrind.
#
#   sh bench/simulate/instructions.sh [small=4000] [large=44000]
set -e
small=${1:-4000}
large=${2:-44000}
count() {
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    node --no-concurrent-recompilation --import tsx bench/simulate/once.ts "$1" 2>&1 | sed -n 's/.*I *refs: *//p' | tr -d ,
}
a=$(count "$small")
b=$(count "$large")
echo "instructions: $a ($small firms), $b ($large firms)"
echo "per firm-year: $(( (b - a) / ((large - small) * 55) ))"
