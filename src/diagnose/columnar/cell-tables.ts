import { encode, Snippets } from "./byte-writer.ts";

/** No code below this is a snippet code (wide cells count down from -1). */
const UNSET = -0x80000000;

/**
 * Cells built on first use and found by a small integer key (a verdict pattern, an instrument
 * and score pair) through a typed index: a plain array as long as the key range would fall back
 * to slow dictionary elements. When the table is full it starts over. Its cells must be ASCII
 * (built from the vocabulary), so every code can go to `cellAt`.
 */
export class CellIndex {
  readonly cells = new Snippets();
  private readonly index: Int32Array;
  constructor(
    size: number,
    private readonly build: (key: number) => string,
  ) {
    this.index = new Int32Array(size).fill(UNSET);
  }

  /** The code (in `cells`) of the cell of `key`. */
  get(key: number): number {
    const code = this.index[key];
    return code !== UNSET ? code : this.miss(key);
  }

  private miss(key: number): number {
    const bytes = encode(this.build(key));
    if (!this.cells.fits(bytes.length)) {
      this.cells.clear();
      this.index.fill(UNSET);
    }
    const code = this.cells.add(bytes);
    if (code < 0) throw new Error(`cell ${key} holds a non-ASCII byte`);
    this.index[key] = code;
    return code;
  }
}

const SLOTS = 1 << 14;

/**
 * Cells built on first use for keys in [0, 2^31) too sparse for an index (sets of bits): an
 * open-addressed hash of at most SLOTS / 2 keys, emptied when it fills up or `clear` is called.
 */
export class CellCache {
  readonly cells = new Snippets();
  private readonly keys = new Int32Array(SLOTS).fill(-1);
  private readonly codes = new Int32Array(SLOTS);
  private size = 0;
  constructor(private build: (key: number) => string) {}

  get(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) >>> 18;
    for (;;) {
      const k = this.keys[slot];
      if (k === key) return this.codes[slot];
      if (k === -1) return this.miss(key, slot);
      slot = (slot + 1) & (SLOTS - 1);
    }
  }

  /** Forgets every cell and builds the next ones with `build`. */
  clear(build: (key: number) => string = this.build): void {
    this.build = build;
    this.keys.fill(-1);
    this.cells.clear();
    this.size = 0;
  }

  private miss(key: number, slot: number): number {
    const bytes = encode(this.build(key));
    if (this.size >= SLOTS / 2 || !this.cells.fits(bytes.length)) {
      this.clear();
      return this.get(key);
    }
    const code = this.cells.add(bytes);
    this.keys[slot] = key;
    this.codes[slot] = code;
    this.size++;
    return code;
  }
}

/** A table of fixed cells, one per entry of `texts`, as codes in one `Snippets`. */
export function cellTable(texts: readonly string[]): { cells: Snippets; codes: Int32Array } {
  const cells = new Snippets();
  const codes = Int32Array.from(texts, (t) => cells.add(encode(t)));
  return { cells, codes };
}
