import {
  type SpellSurvivalResult,
  type SurvivalCurve,
  spellSurvival,
} from "../../../panel/index.ts";
import { CliError } from "../../exit.ts";
import { failWithIssues, numberOption, readPanel } from "./dynamics-input.ts";
import { logRankText, survivalText } from "./dynamics-text.ts";
import type { SurvivalRawOptions } from "./survival.ts";

export async function runSurvival(file: string, raw: SurvivalRawOptions): Promise<string> {
  const variance = raw.variance ?? (raw.clusterFirm ? "robust" : undefined);
  if (variance !== undefined && variance !== "greenwood" && variance !== "robust") {
    throw new CliError(
      `--variance: got ${JSON.stringify(raw.variance)}, expected greenwood or robust`,
    );
  }
  const level = numberOption(
    "level",
    raw.level,
    (v) => v > 0 && v < 1,
    "a number between 0 and 1",
  )!;
  const rho = numberOption("rho", raw.rho, (v) => v >= 0, "a number >= 0")!;
  const frame = await readPanel(file, [raw.id, raw.time, raw.state, raw.by, raw.weights]);
  const r = spellSurvival(frame, {
    id: raw.id,
    time: raw.time,
    state: raw.state,
    by: raw.by,
    weights: raw.weights,
    gaps: raw.gaps,
    excludeLeftCensored: raw.excludeLeftCensored,
    firstSpellOnly: raw.firstSpell,
    variance,
    clusterByFirm: raw.clusterFirm,
    rho,
    level,
  });
  if (!r.ok) failWithIssues(file, r.issues);
  const res = r.value;
  const what = res.kind === "reentry_gaps" ? "gaps until re-entry" : "export spells";
  const curves = [{ group: "all", curve: res.overall }, ...res.groups];
  if (raw.plot) {
    const { survivalCurves, writeSvg } = await import("../../plot/index.ts");
    const shown = res.groups.length > 0 ? res.groups : curves;
    const xLabel = res.kind === "reentry_gaps" ? "years since exit" : "years exporting";
    const title =
      res.kind === "reentry_gaps" ? "Still not exporting again" : "Export spells still running";
    await writeSvg(
      raw.plot,
      survivalCurves(shown, `${title} (Kaplan-Meier, ${Math.round(level * 100)}% band)`, xLabel),
    );
  }
  if (raw.json) return `${JSON.stringify(jsonDocument(file, raw, res, variance), null, 2)}\n`;
  const parts = curves.map(({ group, curve }) =>
    survivalText(curve, group === "all" ? `All ${what}` : `${raw.by} = ${group}`),
  );
  if (res.logrank) parts.push(logRankText(res.logrank));
  const n = res.notes;
  parts.push(
    `${res.n_left_censored} of ${res.n_spells} spells are left-censored (under way in the firm's first observed year).` +
      (n.excluded_left_censored > 0
        ? ` ${n.excluded_left_censored} left-censored spells excluded.`
        : "") +
      (n.excluded_later_spells > 0 ? ` ${n.excluded_later_spells} later spells excluded.` : "") +
      (n.missing_group > 0
        ? ` ${n.missing_group} spells with a missing group are in "all" only.`
        : ""),
  );
  if (raw.plot) parts.push(`Plot written to ${raw.plot}`);
  return `${parts.join("\n\n")}\n`;
}

function curveJson(group: string, c: SurvivalCurve) {
  return { group, ...c };
}

function jsonDocument(
  file: string,
  raw: SurvivalRawOptions,
  res: SpellSurvivalResult,
  variance: string | undefined,
) {
  return {
    version: 1,
    kind: "panel_survival",
    analysis: res.kind,
    file,
    id: raw.id,
    time: raw.time,
    state_column: raw.state,
    by: raw.by ?? null,
    weights: raw.weights ?? null,
    variance: variance ?? res.overall.variance,
    n_spells: res.n_spells,
    n_events: res.n_events,
    n_left_censored: res.n_left_censored,
    overall: curveJson("all", res.overall),
    groups: res.groups.map((g) => curveJson(g.group, g.curve)),
    logrank: res.logrank ?? null,
    notes: res.notes,
  };
}
