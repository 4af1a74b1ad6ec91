import { flattenRecord, showValue, validateProfile } from "../firm/index.ts";
import { type Issue, OutwardError } from "../framework/index.ts";
import type { RecordRow } from "./records.ts";

const BATCH = 1024;

/**
 * JSON firm records: one object (row 1) or an array of objects (row = index + 1), each flat with
 * the CSV names or nested (see `flattenRecord`). A non-object element is a rejected row; input
 * that is not JSON, or JSON that is neither an object nor an array, is unreadable.
 */
export function* parseJsonRecords(
  text: string,
  file: string,
  onWarning?: (issue: Issue) => void,
): Generator<RecordRow[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new OutwardError("unreadable_input", `${file}: not valid JSON (${why})`, [
      { code: "unreadable_input", message: `not valid JSON (${why})`, file },
    ]);
  }
  const isObject = typeof data === "object" && data !== null;
  if (!isObject) {
    const message = `got ${showValue(data)}, expected a JSON object (one firm) or an array of objects`;
    throw new OutwardError("unreadable_input", `${file}: ${message}`, [
      { code: "unreadable_input", message, file },
    ]);
  }
  const list: unknown[] = Array.isArray(data) ? data : [data];
  if (onWarning) {
    const unknown = new Set<string>();
    for (const item of list) {
      if (typeof item === "object" && item !== null && !Array.isArray(item)) {
        for (const key of flattenRecord(item as Record<string, unknown>).unknown) unknown.add(key);
      }
    }
    if (unknown.size > 0) {
      onWarning({
        code: "unknown_column",
        message: `unknown field(s) ignored: ${[...unknown].join(", ")}`,
        file,
        value: [...unknown],
      });
    }
  }
  for (let start = 0; start < list.length; start += BATCH) {
    const batch: RecordRow[] = [];
    for (let i = start; i < Math.min(list.length, start + BATCH); i++) {
      const item = list[i] as { id?: unknown } | null;
      const id = typeof item === "object" && item !== null ? item.id : undefined;
      batch.push({
        row: i + 1,
        id: typeof id === "string" || typeof id === "number" ? String(id) : null,
        result: validateProfile(list[i] as Record<string, unknown>, { file, row: i + 1 }),
      });
    }
    yield batch;
  }
}
