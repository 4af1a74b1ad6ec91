/**
 * Typed arrays that worker threads can read and write without a copy: backed by a
 * SharedArrayBuffer. A pass runs on several threads only when every large array it touches is
 * shared; a column is shared when its reader allocated it so (e.g. readColumnar's `shared`).
 */

export type Shareable = Float64Array | Int32Array;

export function isShared(v: Shareable): boolean {
  return v.buffer instanceof SharedArrayBuffer;
}

export function allocFloat64(n: number, shared: boolean): Float64Array {
  return shared ? new Float64Array(new SharedArrayBuffer(8 * n)) : new Float64Array(n);
}

export function allocInt32(n: number, shared: boolean): Int32Array {
  return shared ? new Int32Array(new SharedArrayBuffer(4 * n)) : new Int32Array(n);
}
