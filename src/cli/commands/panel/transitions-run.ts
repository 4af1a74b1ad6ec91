import { frameFromColumns } from "../../../io/index.ts";
import {
  DYNAMIC_STATES,
  deriveStates,
  type ProportionInterval,
  stateColumn,
  transitions,
} from "../../../panel/index.ts";
import { CliError } from "../../exit.ts";
import { failWithIssues, numberOption, readPanel, splitList } from "./dynamics-input.ts";
import { transitionText } from "./dynamics-text.ts";
import type { TransitionsRawOptions } from "./transitions.ts";

/** Name of the derived state column added with --export. */
const DERIVED = "internationalization_state";

export async function runTransitions(file: string, raw: TransitionsRawOptions): Promise<string> {
  if (raw.interval !== "wilson" && raw.interval !== "goodman") {
    throw new CliError(
      `--interval: got ${JSON.stringify(raw.interval)}, expected wilson or goodman`,
    );
  }
  const level = numberOption(
    "level",
    raw.level,
    (v) => v > 0 && v < 1,
    "a number between 0 and 1",
  )!;
  const bands = splitList(raw.bands)?.map((c) => {
    const v = Number(c);
    if (!Number.isFinite(v))
      throw new CliError(`--bands: got ${JSON.stringify(c)}, expected numbers, e.g. 0,0.1,0.5`);
    return v;
  });
  if ((raw.state === undefined) === (raw.export === undefined)) {
    throw new CliError("give either --state COL or --export COL");
  }
  if (raw.export && (bands || raw.levels))
    throw new CliError("--bands and --levels go with --state, not --export");
  let frame = await readPanel(file, [raw.id, raw.time, raw.state, raw.export, raw.by, raw.weights]);
  const stateName = raw.state ?? DERIVED;
  if (raw.export) {
    const st = deriveStates(frame, { id: raw.id, time: raw.time, export: raw.export });
    if (!st.ok) failWithIssues(file, st.issues);
    const cols = Object.fromEntries(frame.names.map((n) => [n, frame.columns.get(n)!]));
    frame = frameFromColumns({ ...cols, [DERIVED]: stateColumn(st.value) });
  }
  const r = transitions(frame, {
    id: raw.id,
    time: raw.time,
    state: stateName,
    levels: raw.export ? [...DYNAMIC_STATES] : splitList(raw.levels),
    bands,
    by: raw.by,
    weights: raw.weights,
    interval: raw.interval as ProportionInterval,
    level,
  });
  if (!r.ok) failWithIssues(file, r.issues);
  const res = r.value;
  if (raw.plot) {
    const { transitionHeatmap, writeSvg } = await import("../../plot/index.ts");
    const panels = [
      { name: "all", matrix: res.overall },
      ...res.groups.map((g) => ({ name: g.group, matrix: g.matrix })),
    ];
    await writeSvg(raw.plot, transitionHeatmap(panels, `${stateName}, row probability (count)`));
  }
  if (raw.json) {
    const doc = {
      version: 1,
      kind: "panel_transitions",
      file,
      id: raw.id,
      time: raw.time,
      state_column: stateName,
      bands: bands ?? null,
      weights: raw.weights ?? null,
      by: raw.by ?? null,
      interval: res.interval,
      level: res.level,
      layout: "rows = state at t, columns = state at t+1, row-major",
      ...res.overall,
      groups: res.groups.map((g) => ({ group: g.group, ...g.matrix })),
      notes: res.notes,
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
  }
  const parts = [transitionText(res.overall, `All firms (${stateName})`, res.interval, res.level)];
  for (const g of res.groups)
    parts.push(transitionText(g.matrix, `${raw.by} = ${g.group}`, res.interval, res.level));
  const n = res.notes;
  if (n.gaps + n.missing_state + n.missing_group > 0) {
    parts.push(
      `Not counted: ${n.gaps} pairs across missing years, ${n.missing_state} with a missing state, ${n.missing_group} with a missing group.`,
    );
  }
  if (raw.plot) parts.push(`Plot written to ${raw.plot}`);
  return `${parts.join("\n\n")}\n`;
}
