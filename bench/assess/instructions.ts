// A fixed amount of diagnosis work, for counting instructions (which the machine's load does not
// change, unlike CPU time). Instructions a row = (count at 50 passes - count at 10) / (40 x rows):
//   valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
//     node --no-concurrent-recompilation --import tsx bench/assess/instructions.ts \
//     bench/out/assess-10000.csv 50 bytes
// "kernel" runs diagnoseColumns over the file's batches; "bytes" also builds their CSV bytes.
// The batches are rebuilt from profiles, so they hold the same arrays whichever reader made them.
import {
  allocateDiagnosisColumns,
  DEFAULT_PARAMS,
  diagnoseColumns,
  diagnosisColumnsCsvBytes,
} from "../../src/diagnose/index.ts";
import {
  columnsRowToProfile,
  type ProfileColumns,
  profilesToColumns,
} from "../../src/firm/index.ts";
import { readProfileColumnBatches } from "../../src/io/index.ts";

const [file, passArg, mode = "kernel"] = process.argv.slice(2);
const passes = Number(passArg ?? 10);
const batches: ProfileColumns[] = [];
for await (const b of readProfileColumnBatches(file)) {
  if (b.kind !== "columns") continue;
  const profiles = Array.from({ length: b.columns.length }, (_, i) =>
    columnsRowToProfile(b.columns, i),
  );
  batches.push(profilesToColumns(profiles));
}
const out = allocateDiagnosisColumns(8192);
let sink = 0;
for (let p = 0; p < passes; p++) {
  for (const b of batches) {
    const d = diagnoseColumns(b, DEFAULT_PARAMS, out);
    sink += mode === "bytes" ? diagnosisColumnsCsvBytes(b, d).length : d.rec_count[0];
  }
}
console.log(sink);
