/**
 * A SHA-256 fingerprint of every aggregate and programme total of a fixed run (baseline plus
 * the benchmark's grant reform), to check that a kernel change leaves the numbers bit-identical.
 *
 *   node --import tsx bench/simulate/fingerprint.ts [firms=50000] [years=10] [replications=2] [threads=1]
 */
import { createHash } from "node:crypto";
import { runSimulation } from "../../src/simulate/index.ts";

const firms = Number(process.argv[2] ?? 50_000);
const years = Number(process.argv[3] ?? 10);
const replications = Number(process.argv[4] ?? 2);
const threads = Number(process.argv[5] ?? 1);
const factory = new URL("./hooks.ts", import.meta.url).href;
const run = await runSimulation({
  firms,
  years,
  replications,
  threads,
  seed: 7,
  reforms: [
    { id: "grant", hash: "bench", factory, scenario: { budget: firms * 2, grant: 10, offset: 2 } },
  ],
});
const sha = createHash("sha256");
for (let r = 0; r < replications; r++) {
  for (const a of run.aggregates[r]) sha.update(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  for (const a of run.programmeTotals[r])
    sha.update(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
}
console.log(
  `${run.stamp.model_version} firms ${firms} years ${years} reps ${replications}: ${sha.digest("hex")}`,
);
