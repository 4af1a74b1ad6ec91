/** Plain-text layout helpers: word wrapping and boxed tables sized to a terminal width. */

/** Greedy word wrap; words longer than the width are cut. Always returns at least one line. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (let word of paragraph.split(/\s+/).filter((w) => w.length > 0)) {
      while (word.length > width) {
        if (line) out.push(line);
        out.push(word.slice(0, width));
        word = word.slice(width);
        line = "";
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        out.push(line);
        line = word;
      }
    }
    out.push(line);
  }
  return out;
}

/** Width of a string in terminal columns (the text here is BMP, one column per code point). */
const len = (s: string): number => [...s].length;
const pad = (s: string, w: number): string => s + " ".repeat(Math.max(0, w - len(s)));

/**
 * A boxed table. `widths` are the content widths of the columns; each row gives one text per
 * column, wrapped to fit. Total width is sum(widths) + 3 * columns + 1.
 */
export function boxTable(widths: number[], rows: string[][], header?: string[]): string {
  const rule = (l: string, m: string, r: string) =>
    l + widths.map((w) => "─".repeat(w + 2)).join(m) + r;
  const lines: string[] = [rule("┌", "┬", "┐")];
  const emit = (cells: string[]) => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i]));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let k = 0; k < height; k++)
      lines.push(`│ ${wrapped.map((w, i) => pad(w[k] ?? "", widths[i])).join(" │ ")} │`);
  };
  if (header) {
    emit(header);
    lines.push(rule("├", "┼", "┤"));
  }
  rows.forEach((r, i) => {
    if (i > 0) lines.push(rule("├", "┼", "┤"));
    emit(r);
  });
  lines.push(rule("└", "┴", "┘"));
  return lines.join("\n");
}

/** Splits `total` content columns between fixed-share columns, giving any remainder to the last. */
export function shareWidths(total: number, shares: number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.max(4, Math.floor((total * s) / sum)));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * Column widths from the content: every column but the last takes the length of its longest line
 * (at most its cap); the last column takes what is left, at least `minLast`. When space is short
 * the widest fixed columns give way first, down to 4 columns each.
 */
export function fitWidths(total: number, table: string[][], caps: number[], minLast = 8): number[] {
  const widths = caps.map((cap, i) =>
    Math.min(cap, Math.max(...table.map((r) => Math.max(...r[i].split("\n").map(len))))),
  );
  let used = widths.reduce((a, b) => a + b, 0);
  while (used + minLast > total) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest] <= 4) break;
    widths[widest] -= 1;
    used -= 1;
  }
  widths.push(Math.max(4, total - used));
  return widths;
}
