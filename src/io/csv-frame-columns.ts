/**
 * Column storage for the CSV reader: the level dictionary of a categorical column and the
 * end-of-read trimming of over-allocated arrays.
 */

/** Interns text into dense codes in order of first appearance; repeats of the last key are free. */
export class Levels {
  readonly list: string[] = [];
  private readonly map = new Map<string, number>();
  private lastKey: string | undefined;
  private lastCode = -1;

  code(text: string): number {
    if (text === this.lastKey) return this.lastCode;
    let code = this.map.get(text);
    if (code === undefined) {
      code = this.list.length;
      this.map.set(text, code);
      this.list.push(text);
    }
    this.lastKey = text;
    this.lastCode = code;
    return code;
  }
}

/** The first `n` numbers as categorical codes, each level spelled as JavaScript prints it. */
export function numbersToLevels(
  values: Float64Array,
  n: number,
  capacity: number,
): { codes: Int32Array; levels: Levels } {
  const codes = new Int32Array(capacity);
  const levels = new Levels();
  for (let i = 0; i < n; i++) {
    const v = values[i];
    codes[i] = Number.isNaN(v) ? -1 : levels.code(String(v));
  }
  return { codes, levels };
}

/**
 * A view when the spare capacity is at most a quarter (the usual case: capacity comes from the
 * file size and the sampled row length), else an exact copy. Copying every column would hold
 * old and new arrays at once and double the peak memory of a large read.
 */
export function trim<T extends Float64Array | Int32Array>(a: T, n: number): T {
  if (a.length === n) return a;
  if (a.length - n <= a.length / 4) return a.subarray(0, n) as T;
  return a.slice(0, n) as T;
}
