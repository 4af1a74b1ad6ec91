// A copy of a bench file with seeded damage, for checking that two versions of the bulk reader
// accept, reject and produce the same (compare `digest.ts` on the copy): a fraction of rows get
// one cell replaced by an odd spelling (some of those also an extra cell), and some rows end in CR.
// Usage: node --import tsx bench/assess/spoil.ts IN.csv OUT.csv FRACTION
import { readFileSync, writeFileSync } from "node:fs";

const ODD = [" yes", "YES", "2.50", "-1", "abc", "", '"quoted"', "1e3", "0x10", "5.", ".5", "1;2"]
  .concat(["none;export", "direct_export;direct_export", "unknown", "no ", "0", "00012", "3.0"])
  .concat(["é", '"a,b"', "9999999999999999", "1.2345678901234567", "direct_export;"])
  .concat(["licensing;alliance", "Yes", '"yes"', " 12", "12 ", "NaN", "Infinity", "+3", "1_000"])
  .concat(["", ""]);

const [input, output, fraction] = process.argv.slice(2);
// A linear congruential generator: the damage depends on the seed only.
let state = 12345;
const random = (): number => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
const lines = readFileSync(input, "utf8").split("\n");
const out = [lines[0]];
for (let r = 1; r < lines.length; r++) {
  if (lines[r] === "") continue;
  let line = lines[r];
  if (random() < Number(fraction)) {
    const cells = line.split(",");
    cells[Math.floor(random() * cells.length)] = ODD[Math.floor(random() * ODD.length)];
    line = cells.join(",");
    if (random() < 0.05) line += ",extra";
  }
  if (random() < 0.03) line += "\r";
  out.push(line);
}
writeFileSync(output, out.join("\n"));
