// Random effects with observation weights against plm 2.6 (reference/panel/weighted/
// ref_weighted_random.R): the four component methods from weighted auxiliary fits, then
// weighted least squares on the quasi-demeaned data.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeVcov, estimate } from "../../../src/panel/index.ts";
import { loadCsv, REF_DIR, withLogs } from "../helpers/load.ts";
import { WEIGHTED_SETS, withFirmWeights } from "../helpers/weighted.ts";

// biome-ignore lint/suspicious/noExplicitAny: the reference JSON is untyped.
const W: any = JSON.parse(
  readFileSync(`${REF_DIR}weighted/reference_weighted_random.json`, "utf8"),
);

function close(a: number, e: number, what: string): void {
  if (!(Math.abs(a - e) <= 1e-6 * Math.abs(e))) throw new Error(`${what}: got ${a}, expected ${e}`);
}

for (const ds of WEIGHTED_SETS) {
  describe(`weighted random effects, ${ds.key}`, async () => {
    const frame = withFirmWeights(withLogs(await loadCsv(`${REF_DIR}data/${ds.file}`), ds.logs));
    const o = { id: "firm", time: "year", model: "random" as const, weights: "w" };

    for (const method of ["swar", "amemiya", "walhus", "nerlove"] as const) {
      it(`${method}: plm's coefficients, SEs, components, theta, SSR and R²`, () => {
        const ref = W[ds.key][method];
        const r = estimate(frame, ds.formula, { ...o, randomMethod: method });
        if (!r.ok) throw new Error(JSON.stringify(r.issues));
        const fit = r.value.fit;
        const vc = computeVcov(fit, { type: "iid" });
        if (!vc.ok) throw new Error("vcov");
        const k = fit.lin.names.length;
        fit.lin.names.forEach((nm, a) => {
          close(fit.lin.beta[a], ref.coefficients[nm], `${method} ${nm}`);
          close(Math.sqrt(vc.value.V[a * k + a]), ref.se[nm], `${method} se ${nm}`);
        });
        expect(fit.lin.n).toBe(ref.nobs);
        expect(fit.dfResid).toBe(ref.df_residual);
        close(fit.random!.sigma2Idios, ref.sigma2_idios, "sigma2 idios");
        close(fit.random!.sigma2Id, ref.sigma2_id, "sigma2 id");
        close(fit.random!.thetaMin, ref.theta["Min."], "theta min");
        close(fit.random!.thetaMean, ref.theta.Mean, "theta mean");
        close(fit.random!.thetaMax, ref.theta["Max."], "theta max");
        close(fit.lin.ssr, ref.ssr, "weighted SSR");
        close(fit.r2.r2, ref.r_squared, "R²");
        // The weights matter: the unweighted fit's components differ.
        const u = estimate(frame, ds.formula, { ...o, randomMethod: method, weights: undefined });
        if (!u.ok) throw new Error("unweighted");
        expect(Math.abs(u.value.fit.random!.sigma2Id - fit.random!.sigma2Id)).toBeGreaterThan(
          1e-9 * fit.random!.sigma2Id,
        );
      });
    }
  });
}
