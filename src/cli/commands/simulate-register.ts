import type { Profile } from "../../firm/index.ts";
import { formatIssue, type Issue, OutwardError } from "../../framework/index.ts";
import { readFirmRecords } from "../../io/index.ts";
import { fromProfiles, weightSum } from "../../simulate/index.ts";
import { CliError, EXIT } from "../exit.ts";
import type { SimulateOptions } from "./simulate-options.ts";
import { isSystemError } from "./system-error.ts";

/**
 * What makes a valid profile unfit to start a simulation: observed after the year the run starts
 * from (its history would be read from the future), or a second row for a firm already loaded
 * (it would count twice).
 */
function registerIssues(
  p: Profile,
  file: string,
  row: number,
  observed: number,
  firstRow: Map<string, number>,
): Issue[] {
  const issues: Issue[] = [];
  for (const field of ["founded", "assessed"] as const) {
    const year = p[field];
    if (year !== null && year > observed) {
      issues.push({
        code: "after_start",
        file,
        row,
        field,
        value: year,
        expected: `a year up to ${observed}`,
        message: `got ${year}, expected a year up to ${observed}: the register describes firms in the year before --start-year`,
      });
    }
  }
  const first = firstRow.get(p.id);
  if (first !== undefined) {
    issues.push({
      code: "duplicate_id",
      file,
      row,
      field: "id",
      value: p.id,
      expected: "an id not used by an earlier row",
      message: `got "${p.id}" again (first on row ${first}), expected one row per firm`,
    });
  } else if (issues.length === 0) firstRow.set(p.id, row);
  return issues;
}

export async function loadRegister(path: string, opts: SimulateOptions, notes: string[]) {
  const profiles: Profile[] = [];
  const firstRow = new Map<string, number>();
  let rejected = 0;
  try {
    for await (const row of readFirmRecords(path, {
      onWarning: (i) => notes.push(formatIssue(i)),
    })) {
      const issues = row.result.ok
        ? registerIssues(row.result.value, path, row.row, opts.startYear - 1, firstRow)
        : row.result.issues;
      if (row.result.ok && issues.length === 0) profiles.push(row.result.value);
      else {
        rejected++;
        for (const issue of issues) process.stderr.write(`${formatIssue(issue)}\n`);
      }
    }
  } catch (err) {
    // An unreadable register is bad input, like a bad option, not a failed computation.
    if (err instanceof OutwardError) throw new CliError(err.message, EXIT.usage);
    if (isSystemError(err)) {
      throw new CliError(`${path}: cannot read the register (${err.message})`, EXIT.usage);
    }
    throw err;
  }
  if (profiles.length === 0) throw new CliError(`${path}: no valid firm profiles`, EXIT.usage);
  if (rejected > 0)
    notes.push(`${rejected} rows of ${path} were rejected (listed on stderr) and not simulated`);
  const loaded = fromProfiles(profiles, opts.params, opts.startYear - 1, opts.seed);
  for (const n of loaded.notes) notes.push(n.message);
  const { n } = loaded.population;
  const stands = weightSum(loaded.population);
  if (stands !== n) {
    notes.push(
      `survey weights: the ${n} firms stand for ${Math.round(stands)}; budgets, spend and the reform totals are the population's (a firm counts, and costs, its weight), the yearly counts and take-up the register's firms`,
    );
  }
  return { population: loaded.population, rejected, ids: profiles.map((p) => p.id) };
}
