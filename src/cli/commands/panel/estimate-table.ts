// Side-by-side regression table (in the spirit of fixest's etable) and the per-model ledger.
import type { EstimateSummary, HausmanResult } from "../../../panel/index.ts";

function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return "-";
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e6 || a < 1e-4)) return x.toExponential(3);
  return x.toFixed(digits);
}

function stars(p: number): string {
  return p < 0.01 ? "***" : p < 0.05 ? "**" : p < 0.1 ? "*" : "";
}

function vcovLabel(s: EstimateSummary): string {
  const l = s.ledger;
  if (l.vcov === "cluster") return `cluster ${l.clusters.map((c) => c.name).join(" & ")}`;
  return l.vcov;
}

export function renderTable(models: readonly EstimateSummary[]): string {
  const terms: string[] = [];
  for (const m of models)
    for (const t of Object.keys(m.coefficients)) if (!terms.includes(t)) terms.push(t);
  const rows: string[][] = [];
  rows.push(["", ...models.map((_, i) => `(${i + 1})`)]);
  rows.push(["Model", ...models.map((m) => m.model)]);
  rows.push(["Dependent var.", ...models.map((m) => m.response)]);
  rows.push([]);
  for (const t of terms) {
    rows.push([
      t,
      ...models.map((m) =>
        m.coefficients[t] ? `${fmt(m.coefficients[t].estimate)}${stars(m.coefficients[t].p)}` : "",
      ),
    ]);
    rows.push([
      "",
      ...models.map((m) => (m.coefficients[t] ? `(${fmt(m.coefficients[t].se)})` : "")),
    ]);
  }
  rows.push([]);
  rows.push([
    "Fixed effects",
    ...models.map((m) => m.ledger.absorbed.map((a) => a.name).join(" + ") || "-"),
  ]);
  rows.push(["Observations", ...models.map((m) => m.nobs.toLocaleString("en-US"))]);
  rows.push(["Units", ...models.map((m) => String(m.groups))]);
  rows.push(["Periods", ...models.map((m) => String(m.periods))]);
  rows.push(["R2", ...models.map((m) => fmt(m.r2.overall ?? m.r2.r2))]);
  rows.push([
    "Within R2",
    ...models.map((m) => (m.r2.within === undefined ? "-" : fmt(m.r2.within))),
  ]);
  rows.push(["VCOV", ...models.map(vcovLabel)]);
  rows.push(["SSC", ...models.map((m) => m.ledger.ssc ?? "-")]);
  const width = rows.reduce(
    (w, r) => r.map((c, j) => Math.max(w[j] ?? 0, c.length)),
    [] as number[],
  );
  const line = "-".repeat(width.reduce((a, b) => a + b + 2, 0));
  const out = rows.map((r) =>
    r.length === 0
      ? line
      : r.map((c, j) => (j === 0 ? c.padEnd(width[j]) : c.padStart(width[j]))).join("  "),
  );
  out.push(line, "Signif. codes: *** p<0.01, ** p<0.05, * p<0.1; standard errors in parentheses");
  return `${out.join("\n")}\n`;
}

export function renderLedger(models: readonly EstimateSummary[]): string {
  const lines: string[] = ["", "Ledger"];
  models.forEach((m, i) => {
    const l = m.ledger;
    const missing = Object.entries(l.missingBy)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    lines.push(`(${i + 1}) ${m.label}: ${m.formula}`);
    lines.push(
      `    rows: ${l.nobs} used of ${l.nInput}; ${l.rowsDroppedMissing} dropped for missing values${missing ? ` (${missing})` : ""}; ${l.rowsDroppedZeroWeight} zero weights; singletons ${l.singletonRule === "drop" ? `dropped: ${l.singletonsDropped}` : "kept"}${l.rowsLostToTransform ? `; ${l.rowsLostToTransform} lost to the transformation` : ""}`,
    );
    lines.push(
      `    parameters: k = ${l.k} reported${l.absorbed.length ? `, fixed effects ${l.absorbed.map((a) => `${a.name} (${a.levels})`).join(", ")} = ${l.feDof} dof` : ""}; residual df ${l.dfResid}`,
    );
    const clusters = l.clusters.map((c) => `${c.name} G=${c.G}`).join(", ");
    lines.push(
      `    vcov: ${l.vcov}${clusters ? ` (${clusters})` : ""}; ${l.kNote}${l.sscFormula ? `; ssc ${l.ssc}: ${l.sscFormula} = ${l.sscFactor.toFixed(6)}` : ""}; t df ${l.dfT}`,
    );
    if (l.demeaning) lines.push(`    demeaning: ${l.demeaning}`);
    if (m.random) {
      const r = m.random;
      lines.push(
        `    variance components (${r.method}): idiosyncratic ${fmt(r.sigma2Idios, 6)}, individual ${fmt(r.sigma2Id, 6)}; theta ${fmt(r.thetaMin)}..${fmt(r.thetaMax)} (mean ${fmt(r.thetaMean)})`,
      );
    }
    for (const n of m.notes) lines.push(`    note: ${n}`);
  });
  return `${lines.join("\n")}\n`;
}

export function renderHausman(h: readonly HausmanResult[]): string {
  const lines = ["", "Hausman test, fixed vs random effects (H0: random effects consistent)"];
  for (const r of h)
    lines.push(
      `  ${r.method.padEnd(12)} chi2(${r.df}) = ${fmt(r.statistic)}  p = ${fmt(r.pValue)}`,
    );
  return `${lines.join("\n")}\n`;
}
