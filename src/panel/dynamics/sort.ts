/**
 * Stable ascending argsort of durations or years. Whole numbers in a range no wider than a few
 * times the length (spell lengths, years) take a counting sort; anything else a comparator sort.
 */
export function argsortAscending(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  const out = new Uint32Array(n);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (let i = 0; i < n && whole; i++) {
    const v = values[i];
    if (!Number.isInteger(v)) whole = false;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (whole && n > 0 && max - min <= 4 * n + 1024) {
    const count = new Uint32Array(max - min + 2);
    for (let i = 0; i < n; i++) count[((values[i] - min) | 0) + 1]++;
    for (let k = 1; k < count.length; k++) count[k] += count[k - 1];
    for (let i = 0; i < n; i++) out[count[(values[i] - min) | 0]++] = i;
    return out;
  }
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => values[a] - values[b] || a - b);
  out.set(idx);
  return out;
}
