import { describe, expect, it } from "vitest";
import {
  DIAGNOSIS_CSV_HEADER,
  diagnosisCsvRow,
  renderDiagnosisText,
  renderReliabilityText,
} from "../../src/cli/render/diagnosis.ts";
import { diagnose, diagnoseBatch } from "../../src/diagnose/index.ts";
import { known, make, pastExporter } from "./fixtures/profiles.ts";

describe("diagnosis renderers", () => {
  it("text report has every section and wraps to the width", () => {
    const d = diagnose(
      pastExporter({ plans_to_export: "no", prefers_control: "unknown" }, "acme"),
      {
        trace: true,
      },
    );
    const text = renderDiagnosisText(d, { width: 72 });
    for (const heading of [
      "Firm acme",
      "Position: experienced_exporter",
      "State: withdrawn_disappointed",
      "Barriers",
      "Entry modes",
      "Recommendations",
      "Exit and re-entry counselling",
      "Table 1 read for this firm",
      "Ask next",
      "What would move the firm",
      "Trace (",
      "Stamp: rules",
    ]) {
      expect(text).toContain(heading);
    }
    for (const line of text.split("\n")) {
      // Only a single unbreakable token may run past the width.
      if (line.length > 72) expect(line.trim().includes(" ")).toBe(false);
    }
  });

  it("an undetermined position names the questions that would decide it", () => {
    const text = renderDiagnosisText(diagnose(make({}, "blank")));
    expect(text).toMatch(/Position: undetermined \(would be decided by: tradable, exports_now\)/);
  });

  it("CSV rows line up with the header", () => {
    const d = diagnose(known({}, "k1"));
    const row = diagnosisCsvRow(d);
    expect(row).toHaveLength(DIAGNOSIS_CSV_HEADER.length);
    const rec = Object.fromEntries(DIAGNOSIS_CSV_HEADER.map((h, i) => [h, row[i]]));
    expect(rec.id).toBe("k1");
    expect(rec.position).toBe("domestic_by_choice");
    expect(rec.params_hash).toBe(d.stamp.params_hash);
    expect(rec.top_recommendation).toBe(d.recommendations[0].instrument);
  });

  it("reliability text shows alpha or why it is missing", () => {
    const items = (resource: number[]) =>
      known({ barrier_items: { attitudinal: [], resource, operational: [], strategic: [] } });
    const { reliability } = diagnoseBatch([
      items([1, 2, 2]),
      items([2, 2, 3]),
      items([3, 4, 4]),
      items([4, 5, 5]),
    ]);
    const text = renderReliabilityText(reliability);
    expect(text).toContain(`resource     alpha ${(64 / 65).toFixed(3)}`);
    expect(text).toMatch(/attitudinal\s+alpha n\/a \(fewer than two items\)/);
  });
});
