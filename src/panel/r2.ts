/** R² as plm reports it: the squared (weighted) correlation of the response with its fitted values. */
export function r2Cor(y: Float64Array, resid: Float64Array, w: Float64Array | undefined): number {
  const n = y.length;
  let sw = 0;
  let my = 0;
  let mf = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    sw += wi;
    my += wi * y[i];
    mf += wi * (y[i] - resid[i]);
  }
  my /= sw;
  mf /= sw;
  let syf = 0;
  let syy = 0;
  let sff = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    const dy = y[i] - my;
    const df = y[i] - resid[i] - mf;
    syf += wi * dy * df;
    syy += wi * dy * dy;
    sff += wi * df * df;
  }
  return (syf * syf) / (syy * sff);
}
