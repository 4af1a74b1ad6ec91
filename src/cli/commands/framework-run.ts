/** Builds the output of `outward framework` from a parsed query: pure, returns the text to print. */
import {
  CONDITIONS,
  type ConditionId,
  ENTRY_MODES,
  FRAMEWORK_VERSION,
  formatCitations,
  INSTRUMENT_INFO,
  INSTRUMENTS,
  type InstrumentInfo,
  MODE_INFO,
  PATTERNS,
  PERSPECTIVE_INFO,
  POLICY_THEME_INFO,
  POSITION_INFO,
  PROPOSITION_INFO,
  STATE_INFO,
  TABLE1,
  type Table1Cell,
  THEME_INFO,
  TRAITS,
} from "../../framework/index.ts";
import type { FrameworkQuery } from "./framework-options.ts";
import { boxTable, fitWidths, shareWidths, wrap } from "./framework-text.ts";

/** Below this width Table 1 is printed one proposition at a time instead of as a full grid. */
const GRID_MIN_WIDTH = 150;
const EMPTY_CELL = "— (not addressed)";

export function frameworkOutput(q: FrameworkQuery): string {
  if (q.view === "instruments")
    return q.json ? json({ instruments: instruments(q) }) : instrumentsText(q);
  if (q.view === "modes")
    return q.json ? json({ modes: ENTRY_MODES.map((m) => MODE_INFO[m]) }) : modesText(q);
  return q.json ? table1Json(q) : table1Text(q);
}

function json(body: Record<string, unknown>): string {
  return `${JSON.stringify({ frameworkVersion: FRAMEWORK_VERSION, ...body }, null, 2)}\n`;
}

function selectedCells(q: FrameworkQuery): Table1Cell[] {
  return TABLE1.filter(
    (c) => q.propositions.includes(c.proposition) && q.perspectives.includes(c.perspective),
  );
}

function conditionsUsed(cells: Table1Cell[]): ConditionId[] {
  const ids = new Set<ConditionId>();
  for (const c of cells) {
    if (c.condition) ids.add(c.condition);
    for (const m of c.moderators) ids.add(m);
  }
  return [...ids];
}

function table1Json(q: FrameworkQuery): string {
  const cells = selectedCells(q);
  return json({
    perspectives: q.perspectives.map((p) => PERSPECTIVE_INFO[p]),
    propositions: q.propositions.map((p) => ({
      ...PROPOSITION_INFO[p],
      themeLabel: THEME_INFO[PROPOSITION_INFO[p].theme].label,
    })),
    cells,
    conditions: Object.fromEntries(conditionsUsed(cells).map((id) => [id, CONDITIONS[id]])),
  });
}

function head(c: Table1Cell): string {
  const p = c.prediction;
  const on = c.condition ? CONDITIONS[c.condition].label.toLowerCase() : "";
  switch (p.kind) {
    case "yes":
      return "YES";
    case "no":
      return "NO";
    case "possibly":
      return `POSSIBLY, if ${on}`;
    case "depends":
      return `DEPENDS on ${on} (if so: ${p.whenHolds}; if not: ${p.whenNot})`;
    case "pattern":
      return `PATTERN: ${p.pattern.replace(/_/g, " ")}${p.answer ? ` (${p.answer})` : ""}${
        p.whenHolds ? ` — with ${on}: ${p.whenHolds}; without: ${p.whenNot}` : ""
      }`;
    case "unit":
      return `UNIT: ${p.units.join(" / ")}`;
    case "empty":
      return EMPTY_CELL;
  }
}

function cellText(c: Table1Cell): string {
  if (c.prediction.kind === "empty") return EMPTY_CELL;
  const lines = [head(c)];
  if (c.prediction.kind !== "unit") lines.push(c.summary);
  if (c.moderators.length > 0)
    lines.push(`Also: ${c.moderators.map((m) => CONDITIONS[m].label.toLowerCase()).join(", ")}.`);
  lines.push(`[${formatCitations(c.citations)}]`);
  return lines.join("\n");
}

function rowLabel(p: FrameworkQuery["propositions"][number]): string {
  const info = PROPOSITION_INFO[p];
  return `${p}. ${info.label}\n(theme ${info.number}: ${THEME_INFO[info.theme].label})`;
}

function perspectiveLabel(p: FrameworkQuery["perspectives"][number]): string {
  const info = PERSPECTIVE_INFO[p];
  return `${info.label}${info.linkedToInv ? " ¹" : ""}\n(${info.family === "traditional" ? "traditional" : "int. entrepreneurship"})`;
}

function table1Text(q: FrameworkQuery): string {
  const out: string[] = [
    ...wrap(
      `Table 1 — SME internationalization: what each perspective predicts (framework ${FRAMEWORK_VERSION})`,
      q.width,
    ),
    "",
  ];
  const cells = selectedCells(q);
  const at = (prop: string, persp: string) =>
    cells.find((c) => c.proposition === prop && c.perspective === persp)!;
  const n = q.perspectives.length;
  if (q.width >= GRID_MIN_WIDTH && n > 1) {
    const widths = shareWidths(q.width - (3 * (n + 1) + 1), [0.8, ...q.perspectives.map(() => 1)]);
    const rows = q.propositions.map((p) => [
      rowLabel(p),
      ...q.perspectives.map((x) => cellText(at(p, x))),
    ]);
    out.push(boxTable(widths, rows, ["Proposition", ...q.perspectives.map(perspectiveLabel)]));
  } else {
    const widths = shareWidths(q.width - 7, [1, 3]);
    for (const p of q.propositions) {
      out.push(...wrap(rowLabel(p).replace("\n", " "), q.width));
      out.push(
        boxTable(
          widths,
          q.perspectives.map((x) => [perspectiveLabel(x), cellText(at(p, x))]),
        ),
      );
      out.push("");
    }
  }
  out.push("", ...footnotes(q, cells));
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
}

/** A list item whose continuation lines are indented under its text. */
function item(text: string, width: number): string[] {
  return wrap(text, width - 2).map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`));
}

function footnotes(q: FrameworkQuery, cells: Table1Cell[]): string[] {
  const lines: string[] = [];
  if (q.perspectives.includes("learning"))
    lines.push(
      ...wrap(
        "¹ Learning / knowledge theory is tied in particular to international new ventures (INVs).",
        q.width,
      ),
    );
  const used = conditionsUsed(cells);
  if (used.length > 0)
    lines.push("", ...wrap("Conditions (`outward assess` resolves them for a firm):", q.width));
  for (const id of used)
    lines.push(
      ...wrap(
        `- ${id}: ${CONDITIONS[id].holds} Fields: ${CONDITIONS[id].resolvedBy.join(", ")}.`,
        q.width,
      ),
    );
  const patterns = new Set(
    cells.flatMap((c) => (c.prediction.kind === "pattern" ? [c.prediction.pattern] : [])),
  );
  if (patterns.size > 0) lines.push("", "Patterns:");
  for (const p of patterns) lines.push(...item(`${p.replace(/_/g, " ")}: ${PATTERNS[p]}`, q.width));
  return lines;
}

function instruments(q: FrameworkQuery): InstrumentInfo[] {
  return INSTRUMENTS.map((id) => INSTRUMENT_INFO[id]).filter(
    (i) =>
      q.policyThemes.includes(i.policyTheme) &&
      i.perspectives.some((p) => q.perspectives.includes(p)),
  );
}

function targetLabel(t: InstrumentInfo["suits"][number]["target"]): string {
  if (t.kind === "position") return `${POSITION_INFO[t.id].label} (position)`;
  if (t.kind === "state") return `${STATE_INFO[t.id].label} (state)`;
  return `${TRAITS[t.id].label} (trait)`;
}

function instrumentsText(q: FrameworkQuery): string {
  const list = instruments(q);
  const out: string[] = [
    `Support instruments: ${list.length} (framework ${FRAMEWORK_VERSION})`,
    "",
  ];
  const indent = (text: string) => wrap(text, q.width - 4).map((l) => `    ${l}`);
  const bullet = (mark: string, text: string) =>
    wrap(text, q.width - 6).map((l, k) => (k === 0 ? `    ${mark} ${l}` : `      ${l}`));
  for (const i of list) {
    out.push(...wrap(`${i.id} — ${i.label} [${POLICY_THEME_INFO[i.policyTheme].label}]`, q.width));
    out.push(...indent(i.summary));
    out.push(
      ...indent(
        `Market failures: ${i.marketFailures.join(", ")}. Barriers: ${i.barriers.join(", ")}. Perspectives: ${i.perspectives.join(", ")}.`,
      ),
    );
    if (i.requires.length > 0) out.push(...indent(`Requires: ${i.requires.join(", ")}.`));
    for (const f of i.suits) out.push(...bullet("+", `${targetLabel(f.target)}: ${f.reason}`));
    for (const f of i.doesNotSuit)
      out.push(...bullet("-", `not ${targetLabel(f.target)}: ${f.reason}`));
    for (const c of i.caveats ?? []) out.push(...bullet("!", c));
    if (i.pairsWith?.length) out.push(...indent(`Pair with: ${i.pairsWith.join(", ")}.`));
    out.push(
      ...indent(
        `Sources: ${formatCitations(i.citations)}${i.grounding === "implied" ? " (implied by the review, not named in it)" : ""}.`,
      ),
    );
    out.push("");
  }
  return `${out.join("\n")}`;
}

function modesText(q: FrameworkQuery): string {
  const header = ["Mode", "Control", "Commitment", "Resources", "Two-party", "Learning"];
  const rows = ENTRY_MODES.map((m) => {
    const i = MODE_INFO[m];
    return [
      i.label,
      i.control,
      i.resourceCommitment,
      i.resourceCharacter,
      i.doubleLayered ? `yes${i.doubleLayeredBasis === "inferred" ? " (inferred)" : ""}` : "no",
      i.learningPotential,
    ];
  });
  const total = q.width - (3 * header.length + 1);
  const widths = fitWidths(total, [header, ...rows], [24, 8, 10, 9, 14]);
  const legend =
    "Resources: exploit = uses geographically fungible resources the firm already has; access = reaches location-specific resources abroad. Two-party (double-layered) modes named by the review: alliance, licensing, acquisition.";
  const notes = ENTRY_MODES.flatMap((m) =>
    item(
      `${MODE_INFO[m].label}: ${MODE_INFO[m].note} [${formatCitations(MODE_INFO[m].citations)}]`,
      q.width,
    ),
  );
  return [
    `Entry modes (framework ${FRAMEWORK_VERSION})`,
    "",
    boxTable(widths, rows, header),
    "",
    ...wrap(legend, q.width),
    "",
    "Notes:",
    ...notes,
    "",
  ].join("\n");
}
