// A digest of everything the bulk reader produces for a file: each batch's columns (rows in use
// only), row numbers and rejected rows with their issues. Two versions of the reader that print
// the same digest for the same file produced the same batches.
// Usage: node --import tsx bench/assess/digest.ts FILE.csv [batchSize]
import { createHash } from "node:crypto";
import { readProfileColumnBatches } from "../../src/io/index.ts";

const [file, size] = process.argv.slice(2);
const hash = createHash("sha256");
let valid = 0;
let rejected = 0;
const options = size ? { batchSize: Number(size) } : {};
for await (const batch of readProfileColumnBatches(file, options)) {
  if (batch.kind !== "columns") throw new Error("expected CSV input");
  const { columns, rows } = batch;
  const n = columns.length;
  valid += n;
  rejected += batch.rejected.length;
  hash.update(JSON.stringify(columns.id.slice(0, n)));
  hash.update(JSON.stringify(columns.description.slice(0, n)));
  hash.update(new Uint8Array(rows.buffer, 0, n * 4));
  for (const [key, value] of Object.entries(columns)) {
    if (ArrayBuffer.isView(value)) {
      hash.update(key);
      const bytes = (value as Uint8Array).BYTES_PER_ELEMENT;
      hash.update(new Uint8Array(value.buffer, value.byteOffset, n * bytes));
    }
  }
  for (const [family, items] of Object.entries(columns.barrier_items)) {
    hash.update(family);
    for (const item of items) hash.update(new Uint8Array(item.buffer, 0, n * 8));
  }
  hash.update(JSON.stringify(batch.rejected));
}
process.stdout.write(`${valid} valid, ${rejected} rejected, ${hash.digest("hex")}\n`);
