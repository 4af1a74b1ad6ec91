import {
  type ColumnDescription,
  describeColumn,
  type FrameFormat,
  type LoadedPanel,
  type PanelSummary,
} from "../../../io/index.ts";

/** The JSON document of `outward panel describe --json` (docs/panel-json.md, "describe"). */
export interface DescribeReport {
  version: 1;
  file: string;
  format: FrameFormat;
  panel: PanelSummary;
  columns: ColumnDescription[];
}

export function describeReport(loaded: LoadedPanel, topLevels: number): DescribeReport {
  const { frame } = loaded;
  return {
    version: 1,
    file: loaded.file,
    format: loaded.format,
    panel: loaded.summary,
    columns: frame.names.map((name) => describeColumn(name, frame.columns.get(name)!, topLevels)),
  };
}

/** Plain-text rendering: a panel paragraph, then one line per column. */
export function renderDescribe(r: DescribeReport): string {
  const p = r.panel;
  const o = p.observationsPerFirm;
  const lines = [
    `${r.file} (${r.format}): ${p.rows} rows, ${p.firms} firms (${p.id}), ${p.periods} periods ${p.firstPeriod}-${p.lastPeriod} (${p.time})`,
    `${p.balanced ? "balanced" : "unbalanced"}: ${o.min} to ${o.max} observations per firm (mean ${fmt(o.mean)})`,
    p.gaps.firms === 0
      ? "no gaps: every firm is observed in consecutive periods"
      : `gaps: ${p.gaps.firms} firms miss ${p.gaps.periods} periods inside their first-to-last span`,
    p.ordered
      ? "rows are grouped by firm in time order"
      : "rows are not grouped by firm in time order",
    "",
  ];
  const header = ["column", "type", "missing", "mean", "sd", "min", "max / levels"];
  const rows = r.columns.map((c) =>
    c.type === "numeric"
      ? [c.name, c.type, String(c.missing), fmt(c.mean), fmt(c.sd), fmt(c.min), fmt(c.max)]
      : [
          c.name,
          c.type,
          String(c.missing),
          "",
          "",
          "",
          `${c.levels} levels: ${c.top.map((t) => `${t.level} (${t.count})`).join(", ")}${c.levels > c.top.length ? ", ..." : ""}`,
        ],
  );
  const width = header.map((h, j) =>
    Math.max(h.length, ...rows.map((row) => (j < 6 ? row[j].length : 0))),
  );
  const pad = (row: string[]) =>
    row
      .map((cell, j) =>
        j === row.length - 1 ? cell : j >= 2 ? cell.padStart(width[j]) : cell.padEnd(width[j]),
      )
      .join("  ");
  lines.push(pad(header), ...rows.map(pad));
  return `${lines.join("\n")}\n`;
}

function fmt(x: number | null): string {
  if (x === null) return "NA";
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  return Number(x.toPrecision(6)).toString();
}
