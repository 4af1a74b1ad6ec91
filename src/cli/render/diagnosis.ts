import {
  contradictedPerspectives,
  type Diagnosis,
  type ModeGuidance,
  type Reliability,
} from "../../diagnose/index.ts";
import { ENTRY_MODES, type Fit, formatCitations } from "../../framework/index.ts";

/** Text-report options. */
export interface RenderTextOptions {
  /** Line width to wrap at. Default: 80. */
  width?: number;
}

const fmt = (x: number | null, digits = 2) => (x === null ? "?" : x.toFixed(digits));

function wrap(text: string, width: number, indent: string, hanging = indent): string[] {
  const lines: string[] = [];
  let line = indent;
  let empty = true;
  for (const word of text.split(/\s+/)) {
    if (word === "") continue;
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = hanging + word;
    } else {
      line += (empty ? "" : " ") + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

const target = (f: Fit) => `${f.target.kind} ${f.target.id}`;

function show(value: unknown): string {
  if (value === null || value === undefined) return "unknown";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.join(";");
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(3);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * The adviser's report for one firm: where it sits and why, barriers, entry modes, ranked
 * recommendations with their reasons and limits, the Table 1 reading, the next questions to
 * ask and what would move the firm, then the trace when it was recorded.
 */
export function renderDiagnosisText(d: Diagnosis, opts: RenderTextOptions = {}): string {
  const width = Math.max(40, opts.width ?? 80);
  const out: string[] = [];
  const para = (text: string, indent = "", hanging = indent) => {
    out.push(...wrap(text, width, indent, hanging));
  };
  out.push(`Firm ${d.id}`);
  for (const [label, c] of [
    ["Position", d.position],
    ["State", d.state],
  ] as const) {
    const tail =
      c.value === "undetermined"
        ? ` (would be decided by: ${c.questions.join(", ")})`
        : ` (confidence ${fmt(c.confidence)}; ${c.basis.replaceAll("_", " ")})`;
    para(`${label}: ${c.value}${tail}`, "  ", "    ");
  }

  out.push("Barriers (1-5, 5 = severe)");
  for (const b of d.barriers) {
    const from =
      b.source === "items"
        ? `mean of ${b.items_answered}/${b.items_total} items`
        : b.source === "family_score"
          ? `given ${b.field}`
          : "not answered";
    out.push(`  ${b.family.padEnd(12)} ${b.level.padEnd(8)} ${fmt(b.score).padStart(4)}  ${from}`);
  }

  out.push("Entry modes");
  for (const verdict of ["suits", "possible", "caution", "not_suited"] as const) {
    const modes = d.modes.modes.filter((m) => m.verdict === verdict);
    if (modes.length === 0) continue;
    para(`${verdict.replace("_", " ")}: ${modes.map((m) => m.mode).join(", ")}`, "  ", "    ");
    const reasons = new Map<string, string>();
    for (const m of modes) {
      for (const r of m.reasons)
        reasons.set(
          r.id,
          `${r.text} (${r.reference.author}${r.reference.year ? ` ${r.reference.year}` : ""})`,
        );
    }
    for (const text of reasons.values()) para(`- ${text}`, "    ", "      ");
  }
  for (const n of d.modes.notes) {
    para(`note: ${n.text} (${n.reference.author} ${n.reference.year ?? ""})`.trim(), "  ", "    ");
  }

  out.push("Recommendations");
  if (d.recommendations.length === 0) out.push("  none until the position and state are known");
  d.recommendations.forEach((r, i) => {
    para(
      `${i + 1}. ${r.label} [${r.instrument}] score ${fmt(r.score)} (fit ${fmt(r.fit)}, confidence ${fmt(r.confidence)}); theme ${r.theme}`,
      "  ",
      "     ",
    );
    para(
      `why: ${r.why.matched.map((f) => `${target(f)}: ${f.reason}`).join(" ")}`,
      "     ",
      "       ",
    );
    const facts = Object.entries(r.why.facts).map(([k, v]) => `${k}=${show(v)}`);
    if (facts.length > 0) para(`firm facts: ${facts.join(", ")}`, "     ", "       ");
    para(
      `perspectives: ${r.why.perspectives.join(", ")}; sources: ${formatCitations(r.why.citations)}`,
      "     ",
      "       ",
    );
    const barriers = r.addresses.barriers.length > 0 ? r.addresses.barriers.join(", ") : "-";
    para(
      `addresses: barriers ${barriers}; market failures ${r.addresses.market_failures.join(", ")}`,
      "     ",
      "       ",
    );
    para(
      `not for: ${r.not_for.map((f) => `${target(f)} (${f.reason})`).join("; ")}`,
      "     ",
      "       ",
    );
  });

  out.push("Table 1 read for this firm");
  for (const row of d.table1) {
    const parts = [
      row.says_yes.length > 0 ? `yes: ${row.says_yes.join(", ")}` : "",
      row.says_no.length > 0 ? `no: ${row.says_no.join(", ")}` : "",
      row.unresolved.length > 0 ? `unresolved: ${row.unresolved.join(", ")}` : "",
      row.empty.length > 0 ? `blank in the review: ${row.empty.join(", ")}` : "",
      row.conflict ? "perspectives conflict" : "",
      row.observed !== null ? `firm's record says ${row.observed} (${row.observed_basis})` : "",
      row.contradicted.length > 0
        ? `contradicted for this firm: ${row.contradicted.join(", ")}`
        : "",
    ].filter((s) => s !== "");
    para(
      `${row.proposition}: ${parts.length > 0 ? parts.join("; ") : "no yes/no reading"}`,
      "  ",
      "      ",
    );
    for (const c of row.cells) {
      if (c.answer === "unknown" && c.missing.length > 0) {
        para(
          `${c.perspective} needs ${c.condition}: ${c.missing.join(", ")}`,
          "      ",
          "        ",
        );
      }
    }
  }

  out.push("Ask next");
  if (d.ask_next.length === 0) out.push("  nothing unknown would change the conclusions");
  d.ask_next.forEach((q, i) => {
    para(
      `${i + 1}. ${q.question} [${q.field}] changes ${q.decisiveness}: ${q.would_change.slice(0, 6).join(", ")}${q.would_change.length > 6 ? ", ..." : ""}`,
      "  ",
      "     ",
    );
  });

  out.push("What would move the firm");
  if (d.what_would_move.length === 0)
    out.push("  no single or paired actionable change moves it further");
  for (const m of d.what_would_move) {
    const to = [
      m.position.to !== m.position.from ? `position ${m.position.from} -> ${m.position.to}` : "",
      m.state.to !== m.state.from ? `state ${m.state.from} -> ${m.state.to}` : "",
    ].filter((s) => s !== "");
    para(`- ${m.changes.map((c) => c.label).join(" + ")}: ${to.join(", ")}`, "  ", "    ");
  }

  if (d.trace.length > 0) {
    out.push(`Trace (${d.trace.length} rule evaluations)`);
    for (const t of d.trace) {
      const inputs = Object.entries(t.inputs).map(([k, v]) => `${k}=${show(v)}`);
      const params = Object.entries(t.params).map(([k, v]) => `${k}=${v}`);
      const value = summarize(t.value);
      para(
        `${t.rule}: ${inputs.join(", ")}${params.length > 0 ? ` | params ${params.join(", ")}` : ""} -> ${value}`,
        "  ",
        "    ",
      );
    }
  }
  out.push(
    `Stamp: rules ${d.stamp.rules_version}, params sha256 ${d.stamp.params_hash.slice(0, 16)}`,
  );
  return out.join("\n");
}

/** A one-line form of a rule's result for the trace. */
function summarize(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (Array.isArray(value)) return `${value.length} item(s)`;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("value" in v && "confidence" in v)
      return `${v.value} (confidence ${fmt(v.confidence as number)})`;
    if ("instrument" in v && "score" in v) return `recommend, score ${fmt(v.score as number)}`;
    if ("modes" in v) return "mode guidance";
    return "object";
  }
  return String(value);
}

export const DIAGNOSIS_CSV_HEADER: string[] = [
  "id",
  "position",
  "position_confidence",
  "state",
  "state_confidence",
  "open_questions",
  "barrier_attitudinal",
  "barrier_resource",
  "barrier_operational",
  "barrier_strategic",
  "barrier_levels",
  "modes_suited",
  "modes_not_suited",
  "top_recommendation",
  "recommendations",
  "contradicted_perspectives",
  "rules_version",
  "params_hash",
];

/**
 * One CSV row per diagnosis, in DIAGNOSIS_CSV_HEADER order. It leaves out ask_next and
 * what_would_move (which re-run the rules many times), so writing a large batch stays fast;
 * the Table 1 reading it needs for contradicted perspectives is computed on demand.
 */
export function diagnosisCsvRow(d: Diagnosis): string[] {
  const score = (i: number) => {
    const s = d.barriers[i].score;
    return s === null ? "" : s.toFixed(3);
  };
  return [
    d.id,
    d.position.value,
    d.position.confidence.toFixed(3),
    d.state.value,
    d.state.confidence.toFixed(3),
    [...new Set([...d.position.questions, ...d.state.questions])].join(";"),
    score(0),
    score(1),
    score(2),
    score(3),
    d.barriers.map((b) => `${b.family}:${b.level}`).join(";"),
    d.modes.modes
      .filter((m) => m.verdict === "suits")
      .map((m) => m.mode)
      .join(";"),
    d.modes.modes
      .filter((m) => m.verdict === "not_suited")
      .map((m) => m.mode)
      .join(";"),
    d.recommendations[0]?.instrument ?? "",
    d.recommendations.map((r) => `${r.instrument}:${r.score.toFixed(3)}`).join(";"),
    contradictedPerspectives(d),
    d.stamp.rules_version,
    d.stamp.params_hash,
  ];
}

/** A CSV cell as `csvLine` writes it: quoted only when it holds `"`, `,`, CR or LF. */
function cell(s: string): string {
  // Readable form: /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 44 || c === 13 || c === 10) return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

// Scores and confidences take few distinct values (a few hundred over a large register), and
// toFixed is the costliest step of a row; remembered per value, bounded.
const FIXED3 = new Map<number, string>();
function fixed3(x: number): string {
  let s = FIXED3.get(x);
  if (s === undefined) {
    if (FIXED3.size >= 1 << 14) FIXED3.clear();
    s = x.toFixed(3);
    FIXED3.set(x, s);
  }
  return s;
}

// The two mode columns depend only on each mode's verdict, so they are remembered per verdict
// pattern (2 bits a mode, in ENTRY_MODES order): a few hundred patterns over a large register.
const VERDICT_CODE = { suits: 0, possible: 1, caution: 2, not_suited: 3 } as const;
const MODE_CELLS = new Map<number, string>();
function modeCells(g: ModeGuidance): string {
  const modes = g.modes;
  let key = modes.length === ENTRY_MODES.length ? 0 : -1;
  for (let i = 0; i < modes.length && key >= 0; i++) {
    key = modes[i].mode === ENTRY_MODES[i] ? key * 4 + VERDICT_CODE[modes[i].verdict] : -1;
  }
  let s = key >= 0 ? MODE_CELLS.get(key) : undefined;
  if (s === undefined) {
    // modes_suited, modes_not_suited: filter by verdict, then join the modes with ";"
    const suits = modes.filter((m) => m.verdict === "suits").map((m) => m.mode);
    const notSuited = modes.filter((m) => m.verdict === "not_suited").map((m) => m.mode);
    s = `${cell(suits.join(";"))},${cell(notSuited.join(";"))}`;
    if (key >= 0) MODE_CELLS.set(key, s);
  }
  return s;
}

// The stamp is shared by every diagnosis made with one params object; quote it once.
let lastStamp: Diagnosis["stamp"] | null = null;
let lastStampCells = "";

/**
 * `csvLine(diagnosisCsvRow(d))` built as one string, with no per-firm arrays, Sets or
 * closures: the batch path writes hundreds of thousands of these.
 */
export function diagnosisCsvLine(d: Diagnosis): string {
  // open_questions: [...new Set([...position.questions, ...state.questions])].join(";")
  const pq = d.position.questions;
  const sq = d.state.questions;
  let questions = "";
  let first = true;
  for (let i = 0; i < pq.length + sq.length; i++) {
    const q = i < pq.length ? pq[i] : sq[i - pq.length];
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = (j < pq.length ? pq[j] : sq[j - pq.length]) === q;
    if (!seen) {
      questions += first ? q : `;${q}`;
      first = false;
    }
  }
  const b = d.barriers;
  let scores = "";
  let levels = "";
  for (let i = 0; i < b.length; i++) {
    const s = b[i].score;
    if (i < 4) scores += `,${s === null ? "" : fixed3(s)}`;
    levels += `${i === 0 ? "" : ";"}${b[i].family}:${b[i].level}`;
  }
  const recs = d.recommendations;
  let recText = "";
  for (let i = 0; i < recs.length; i++) {
    recText += `${i === 0 ? "" : ";"}${recs[i].instrument}:${fixed3(recs[i].score)}`;
  }
  if (d.stamp !== lastStamp) {
    lastStamp = d.stamp;
    lastStampCells = `${cell(d.stamp.rules_version)},${cell(d.stamp.params_hash)}`;
  }
  return `${cell(d.id)},${cell(d.position.value)},${fixed3(d.position.confidence)},${cell(d.state.value)},${fixed3(d.state.confidence)},${cell(questions)}${scores},${cell(levels)},${modeCells(d.modes)},${cell(recs.length > 0 ? recs[0].instrument : "")},${cell(recText)},${cell(contradictedPerspectives(d))},${lastStampCells}\n`;
}

/** Cronbach's alpha per barrier family, with the counts behind it. */
export function renderReliabilityText(r: Reliability): string {
  const lines = ["Barrier item reliability (Cronbach's alpha, complete answers only)"];
  for (const f of r.families) {
    const alpha = f.alpha === null ? `n/a (${f.note})` : f.alpha.toFixed(3);
    lines.push(
      `  ${f.family.padEnd(12)} alpha ${alpha}; ${f.items} items, ${f.n} firms, ${f.excluded} excluded (partly answered)`,
    );
  }
  return lines.join("\n");
}
