/**
 * A columnar frame: one typed array per column, shared by the panel readers, the estimators and
 * the simulation's panel writer. Numeric columns are Float64Array with NaN for missing;
 * categorical columns are dictionary codes (Int32Array, -1 for missing) with their levels.
 */
export interface NumericColumn {
  kind: "numeric";
  values: Float64Array;
}

export interface CategoricalColumn {
  kind: "categorical";
  codes: Int32Array;
  levels: string[];
}

export type Column = NumericColumn | CategoricalColumn;

export interface Frame {
  readonly nrows: number;
  /** Column order as read. */
  readonly names: string[];
  readonly columns: ReadonlyMap<string, Column>;
}

export function numeric(values: Float64Array): NumericColumn {
  return { kind: "numeric", values };
}

export function categorical(codes: Int32Array, levels: string[]): CategoricalColumn {
  return { kind: "categorical", codes, levels };
}

/** Builds a frame from named columns, checking that every column has the same length. */
export function frameFromColumns(columns: Record<string, Column>): Frame {
  const names = Object.keys(columns);
  const map = new Map<string, Column>();
  let nrows = -1;
  for (const name of names) {
    const col = columns[name];
    const len = col.kind === "numeric" ? col.values.length : col.codes.length;
    if (nrows === -1) nrows = len;
    else if (len !== nrows) {
      throw new RangeError(`column ${name} has ${len} rows, expected ${nrows}`);
    }
    map.set(name, col);
  }
  return { nrows: Math.max(nrows, 0), names, columns: map };
}
