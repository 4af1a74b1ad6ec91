import { formatIssue, type Issue, OutwardError } from "../framework/issue.ts";
import type { LoadedFrame } from "./frame-load.ts";
import { type ReadFrameOptions, readFrame } from "./frame-read.ts";
import { checkPanelIndex, type PanelIndex } from "./panel-index.ts";
import type { PanelSummary } from "./panel-summary.ts";

/** Options of `readPanel`: the panel index plus any reader option. */
export interface ReadPanelOptions extends ReadFrameOptions {
  /** Firm identifier column (numeric or categorical). Required. */
  id: string;
  /** Time column, integer periods such as years. Required. */
  time: string;
  /**
   * Columns to load besides `id` and `time` (the index columns are always loaded).
   * Default: every column.
   */
  columns?: readonly string[];
}

/** A frame read as a firm-year panel, with its checked index and summary. */
export interface LoadedPanel extends LoadedFrame {
  index: PanelIndex;
  summary: PanelSummary;
}

/**
 * Reads a CSV, .owc or Parquet file (format from the extension) as a firm-year panel and checks
 * its index. Throws an OutwardError listing every problem found (missing or non-integer time,
 * missing ids, duplicate firm-period pairs with both rows).
 */
export async function readPanel(path: string, options: ReadPanelOptions): Promise<LoadedPanel> {
  const { id, time } = options;
  const columns = options.columns ? [...new Set([id, time, ...options.columns])] : undefined;
  const loaded = await readFrame(path, { ...options, columns });
  const checked = checkPanelIndex(loaded.frame, { id, time, file: path });
  if (!checked.ok) throw panelError(path, checked.issues);
  return { ...loaded, index: checked.value, summary: checked.value.summary };
}

function panelError(file: string, issues: Issue[]): OutwardError {
  const code = issues[0]?.code ?? "invalid_panel";
  const lines = issues.map((i) => `  ${formatIssue(i)}`).join("\n");
  return new OutwardError(code, `${file}: not a valid firm-year panel:\n${lines}`, issues);
}
