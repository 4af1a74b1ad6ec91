import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { formatIssue, type Issue } from "../../../framework/index.ts";
import {
  type Column,
  categorical,
  type Frame,
  frameFromColumns,
  numeric,
} from "../../../io/index.ts";
import { CliError } from "../../exit.ts";

/**
 * Minimal CSV-to-Frame loader for the panel dynamics commands: a column whose non-empty cells
 * all parse as numbers is numeric (empty = NaN), any other column is categorical (empty = -1).
 */
export function frameFromCsvText(text: string): Frame {
  const records: string[][] = parse(text, {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: false,
  });
  if (records.length === 0) throw new Error("empty file: expected a header row");
  const [header, ...rows] = records;
  const columns: Record<string, Column> = {};
  header.forEach((name, j) => {
    let allNumeric = true;
    for (const r of rows) {
      const cell = r[j].trim();
      if (cell !== "" && !Number.isFinite(Number(cell))) {
        allNumeric = false;
        break;
      }
    }
    if (allNumeric) {
      columns[name] = numeric(
        Float64Array.from(rows, (r) => (r[j].trim() === "" ? Number.NaN : Number(r[j]))),
      );
    } else {
      const levels: string[] = [];
      const index = new Map<string, number>();
      const codes = Int32Array.from(rows, (r) => {
        const cell = r[j];
        if (cell.trim() === "") return -1;
        let c = index.get(cell);
        if (c === undefined) {
          c = levels.length;
          levels.push(cell);
          index.set(cell, c);
        }
        return c;
      });
      columns[name] = categorical(codes, levels);
    }
  });
  return frameFromColumns(columns);
}

/** Reads a CSV panel, turning unreadable or malformed files into a usage error naming the file. */
export async function readPanelCsv(file: string): Promise<Frame> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new CliError(`${file}: cannot read file (${(err as Error).message})`);
  }
  try {
    return frameFromCsvText(text);
  } catch (err) {
    throw new CliError(`${file}: not a readable CSV file: ${(err as Error).message}`);
  }
}

/** Throws a usage error listing the issues, each prefixed with the file name. */
export function failWithIssues(file: string, issues: Issue[]): never {
  const lines = issues
    .slice(0, 20)
    .map((issue) => formatIssue({ ...issue, file: issue.file ?? file }));
  const more = issues.length > 20 ? `\n... and ${issues.length - 20} more` : "";
  throw new CliError(`${lines.join("\n")}${more}`);
}
