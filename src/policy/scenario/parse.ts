import { isNode, LineCounter, parseDocument } from "yaml";
import type { Issue, Result } from "../../framework/index.ts";
import { formatPath, normalizeScenario, type Scenario } from "./normalize.ts";
import { ScenarioDoc } from "./schema.ts";

const show = (v: unknown): string => {
  if (v === undefined) return "nothing";
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/** Where each parsed scenario's fields sit in its source, for issues found after parsing. */
const SOURCE_LINES = new WeakMap<Scenario, (field: string) => number | undefined>();

/** The 1-based source line of `field` (a path such as `reforms[0].changes[1]`), if known. */
export function lineIn(scenario: Scenario, field: string): number | undefined {
  return SOURCE_LINES.get(scenario)?.(field);
}

/**
 * Reads a scenario document (YAML, or JSON which is valid YAML). Every issue names the file, the
 * line, the path inside the document (e.g. `baseline.programmes[1].instruments[0].eligibility`),
 * the bad value and what was expected.
 */
export function parseScenario(text: string, where: { file: string }): Result<Scenario> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const row = e.linePos?.[0]?.line;
        return {
          code: "syntax_error",
          file: where.file,
          row,
          message: `not valid YAML or JSON: ${e.message.split("\n")[0]}`,
          expected: "a YAML or JSON document",
        };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // The reader refuses documents whose aliases expand past the limit (an "alias bomb").
    return {
      ok: false,
      issues: [
        {
          code: "syntax_error",
          file: where.file,
          message: `not a usable YAML document: ${(err as Error).message}`,
          expected: "a YAML or JSON document with at most 100 aliases expanded",
        },
      ],
    };
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let k = path.length; k >= 0; k--) {
      const node = doc.getIn(path.slice(0, k) as unknown[], true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const parsed = ScenarioDoc.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((z): Issue => {
        const custom = (z as { params?: { expected?: string } }).params?.expected;
        const expected = custom ?? z.message.replace(/^Invalid input: /, "");
        const value = (z as { input?: unknown }).input;
        const field = formatPath(z.path) || "(document)";
        const message = custom
          ? `${z.message}; expected ${custom}`
          : `${z.message.replace(/^Invalid input: /, "")}, got ${show(value)}`;
        return {
          code: z.code,
          file: where.file,
          row: lineOf(z.path),
          field,
          value,
          expected,
          message,
        };
      }),
    };
  }
  const issues: Issue[] = [];
  const scenario = normalizeScenario(parsed.data, issues);
  if (issues.length > 0) {
    const located = issues.map((i) => ({
      ...i,
      file: where.file,
      row: lineOf(pathOf(i.field ?? "")),
      message: `${i.message}; expected ${i.expected}`,
    }));
    return { ok: false, issues: located };
  }
  SOURCE_LINES.set(scenario, (field) => lineOf(pathOf(field)));
  return { ok: true, value: scenario };
}

/** Inverse of formatPath, for locating a normalisation issue in the source. */
function pathOf(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  }
  return out;
}
