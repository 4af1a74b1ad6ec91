/** Conventional vcov: sigma² (X'WX)^-1 with sigma² = SSR / df.residual (1 for logit). */
import type { PanelFit } from "../fit.ts";

export function vcovIid(fit: PanelFit): Float64Array {
  const V = new Float64Array(fit.lin.bread.length);
  for (let i = 0; i < V.length; i++) V[i] = fit.sigma2 * fit.lin.bread[i];
  return V;
}
