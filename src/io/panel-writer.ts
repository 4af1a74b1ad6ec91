/**
 * Streams a simulated firm-year panel to a CSV file as the simulation runs: each block's year in
 * chunks of at most CHUNK_ROWS rows, written synchronously, so the writer's memory stays
 * O(chunk) whatever the number of years or the size of a block. The
 * columns are the ones the panel commands read (firm, year, exporter, export_intensity, ...).
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { POSITIONS, SECTORS, STATES } from "../framework/vocabulary.ts";
import type { Population } from "../simulate/index.ts";

/** Column order of the panel file. */
export const PANEL_COLUMNS = [
  "firm",
  "year",
  "scenario",
  "exporter",
  "export_intensity",
  "export_state",
  "position",
  "markets",
  "size",
  "sector",
  "sales",
  "sales_growth",
  "founded",
  "tradable",
  "founder_export_experience",
  "large_firm_links",
  "client_pull",
  "knowledge",
  "weight",
] as const;

/**
 * Rows per write: a block can be the whole population (one national queue), and one string of
 * millions of rows would pass V8's longest string.
 */
const CHUNK_ROWS = 16384;

export interface PanelWriterOptions {
  /** Scenario ids to write (by index, 0 = baseline). Default: only the baseline. */
  scenarios?: readonly number[];
  /** Scenario names written in the `scenario` column. Default: "baseline", "reform1", ... */
  names?: readonly string[];
}

export class PanelWriter {
  private readonly fd: number;
  private readonly scenarios: ReadonlySet<number>;
  private readonly names: readonly string[];
  /** Rows written so far. */
  rows = 0;

  constructor(
    readonly path: string,
    opts: PanelWriterOptions = {},
  ) {
    this.fd = openSync(path, "w");
    this.scenarios = new Set(opts.scenarios ?? [0]);
    this.names = opts.names ?? [];
    writeSync(this.fd, `${PANEL_COLUMNS.join(",")}\n`);
  }

  /** A YearObserver: writes slots [start, end) of `pop` for `year` if the scenario is selected. */
  readonly observe = (
    scenario: number,
    year: number,
    pop: Population,
    start: number,
    end: number,
  ): void => {
    if (!this.scenarios.has(scenario)) return;
    const name = this.names[scenario] ?? (scenario === 0 ? "baseline" : `reform${scenario}`);
    for (let from = start; from < end; from += CHUNK_ROWS) {
      this.write(name, year, pop, from, Math.min(end, from + CHUNK_ROWS));
    }
  };

  private write(name: string, year: number, pop: Population, start: number, end: number): void {
    const lines: string[] = [];
    for (let i = start; i < end; i++) {
      const x = pop.exporting[i];
      lines.push(
        `${pop.firmId[i]},${year},${name},${x},${x ? pop.exportShare[i].toFixed(4) : "0"},` +
          `${STATES[pop.state[i]]},${POSITIONS[pop.position[i]]},${x ? pop.markets[i] : 0},` +
          `${pop.employees[i].toFixed(1)},${SECTORS[pop.sector[i]]},${pop.sales[i].toFixed(1)},` +
          `${pop.salesGrowth[i].toFixed(4)},${pop.founded[i]},${pop.tradable[i]},` +
          `${pop.founderExportExperience[i]},${pop.largeFirmLinks[i]},${pop.clientPull[i]},` +
          `${pop.knowledge[i].toFixed(3)},${pop.weight[i]}`,
      );
    }
    this.rows += lines.length;
    writeSync(this.fd, `${lines.join("\n")}\n`);
  }

  close(): void {
    closeSync(this.fd);
  }
}
