import { DYNAMIC_STATES, deriveStates, type PanelStates, RUN_ENDS } from "../../../panel/index.ts";
import { CliError } from "../../exit.ts";
import { failWithIssues, readPanel } from "./dynamics-input.ts";
import { table } from "./dynamics-text.ts";
import type { StatesRawOptions } from "./states.ts";

export async function runStates(file: string, raw: StatesRawOptions): Promise<string> {
  if (!raw.export && !raw.intensity)
    throw new CliError("give --export COL (0/1 status) or --intensity COL");
  if (raw.json && raw.csv) throw new CliError("choose one of --json and --csv");
  const frame = await readPanel(file, [raw.id, raw.time, raw.export, raw.intensity]);
  const r = deriveStates(frame, {
    id: raw.id,
    time: raw.time,
    export: raw.export,
    intensity: raw.intensity,
  });
  if (!r.ok) failWithIssues(file, r.issues);
  const st = r.value;
  if (raw.csv) return raw.spells ? spellCsv(st, raw) : rowCsv(st, raw);
  const cols = columns(st);
  if (raw.json) {
    return `${JSON.stringify({ version: 1, kind: "panel_states", file, id: raw.id, time: raw.time, states: DYNAMIC_STATES, summary: summary(st), rows: cols.rows, spells: cols.spells }, null, 2)}\n`;
  }
  return textReport(st, raw);
}

function columns(st: PanelStates) {
  const po = st.order;
  const n = po.order.length;
  const rows = {
    firm: Array.from({ length: n }, (_, k) => po.firmLabels[po.firm_N[k]]),
    year: Array.from(po.time_N),
    exporting: Array.from(st.exporting_N),
    state: Array.from(st.state_N, (s) => DYNAMIC_STATES[s]),
    spell: Array.from(st.spell_N, (s) => (s < 0 ? null : s + 1)),
    intensity: st.intensity_N ? Array.from(st.intensity_N) : undefined,
  };
  const sp = st.spells;
  const spells = {
    spell: Array.from({ length: sp.length }, (_, s) => s + 1),
    firm: Array.from(sp.firm_S, (f) => po.firmLabels[f]),
    spell_no: Array.from(sp.spell_no_S),
    start_year: Array.from(sp.start_S),
    end_year: Array.from(sp.end_S),
    duration: Array.from(sp.duration_S),
    event: Array.from(sp.event_S),
    end: Array.from(sp.end_S_reason, (c) => RUN_ENDS[c]),
    left_censored: Array.from(sp.left_censored_S),
    panel_left_censored: Array.from(sp.panel_left_censored_S),
    after_gap: Array.from(sp.after_gap_S),
  };
  return { rows, spells };
}

function summary(st: PanelStates) {
  const counts = Object.fromEntries(DYNAMIC_STATES.map((s) => [s, 0]));
  for (const s of st.state_N) counts[DYNAMIC_STATES[s]]++;
  const ends = Object.fromEntries(RUN_ENDS.map((e) => [e, 0]));
  for (const e of st.spells.end_S_reason) ends[RUN_ENDS[e]]++;
  const sum = (a: Uint8Array) => a.reduce((x, y) => x + y, 0);
  return {
    firm_years: st.order.order.length,
    firms: st.order.firmLabels.length,
    first_year: st.order.firstTime,
    last_year: st.order.lastTime,
    state_counts: counts,
    spells: st.spells.length,
    spell_ends: ends,
    left_censored: sum(st.spells.left_censored_S),
    after_gap: sum(st.spells.after_gap_S),
  };
}

function textReport(st: PanelStates, raw: StatesRawOptions): string {
  const s = summary(st);
  const po = st.order;
  const years: number[] = [];
  for (let y = po.firstTime; y <= po.lastTime; y++) years.push(y);
  const byYear = years.map(() => new Array<number>(DYNAMIC_STATES.length).fill(0));
  for (let k = 0; k < po.order.length; k++) byYear[po.time_N[k] - po.firstTime][st.state_N[k]]++;
  const yearTable = table(
    [raw.time, ...DYNAMIC_STATES, "firms"],
    years.map((y, j) => [
      String(y),
      ...byYear[j].map(String),
      String(byYear[j].reduce((a, b) => a + b, 0)),
    ]),
  );
  const e = s.spell_ends;
  return [
    `${s.firms} firms, ${s.firm_years} firm-years, ${s.first_year}-${s.last_year}`,
    "",
    "Firm-years by state",
    yearTable,
    "",
    `Export spells: ${s.spells} (${e.event} ended by an exit; censored: ${e.panel_end} at the panel end, ${e.left_data} when the firm left the data, ${e.gap} at a missing year)`,
    `Left-censored (exporting in the firm's first observed year): ${s.left_censored}; starting after a missing year: ${s.after_gap}`,
    "",
  ].join("\n");
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return "";
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function toCsv(cols: Record<string, unknown[] | undefined>): string {
  const names = Object.keys(cols).filter((k) => cols[k] !== undefined);
  const n = cols[names[0]]!.length;
  const lines = [names.join(",")];
  for (let i = 0; i < n; i++) lines.push(names.map((k) => csvCell(cols[k]![i])).join(","));
  return `${lines.join("\n")}\n`;
}

function rowCsv(st: PanelStates, raw: StatesRawOptions): string {
  const { rows } = columns(st);
  return toCsv({
    [raw.id]: rows.firm,
    [raw.time]: rows.year,
    exporting: rows.exporting,
    state: rows.state,
    spell: rows.spell,
    intensity: rows.intensity,
  });
}

function spellCsv(st: PanelStates, raw: StatesRawOptions): string {
  const { spells } = columns(st);
  const { firm, ...rest } = spells;
  return toCsv({ [raw.id]: firm, ...rest });
}
