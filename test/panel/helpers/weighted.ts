// The weighted reference cases (reference/panel/weighted/): the datasets, their formulas, and the
// deterministic weight w = 1 + (firm mod 3) that the R scripts use.
import { type Column, type Frame, frameFromColumns, numeric } from "../../../src/io/index.ts";

export const WEIGHTED_SETS: {
  key: string;
  file: string;
  logs: Record<string, string>;
  formula: string;
}[] = [
  { key: "grunfeld", file: "grunfeld.csv", logs: {}, formula: "inv ~ value + capital" },
  {
    key: "emplUK",
    file: "empluk.csv",
    logs: { lemp: "emp", lwage: "wage", lcapital: "capital", loutput: "output" },
    formula: "lemp ~ lwage + lcapital + loutput",
  },
];

/** The frame's columns plus `w` and any `extra` ones. */
export function withFirmWeights(frame: Frame, extra: Record<string, Column> = {}): Frame {
  const firm = frame.columns.get("firm");
  if (firm?.kind !== "numeric") throw new Error("firm");
  const cols: Record<string, Column> = {};
  for (const n of frame.names) cols[n] = frame.columns.get(n)!;
  cols.w = numeric(firm.values.map((v) => 1 + (v % 3)));
  return frameFromColumns({ ...cols, ...extra });
}
