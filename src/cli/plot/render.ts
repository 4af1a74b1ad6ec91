import type { PlotOptions } from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { writeReportFile } from "../report-file.ts";

/** The part of a DOM element the SVG writer needs (the project compiles without DOM types). */
export interface SvgElement {
  readonly tagName: string;
  readonly outerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
}

/** A DOM document for Observable Plot to draw into, outside a browser. */
export function plotDocument(): PlotOptions["document"] {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  return document as unknown as PlotOptions["document"];
}

/**
 * Serializes a Plot SVG as a standalone file: linkedom leaves out the SVG namespace, without
 * which browsers and image viewers refuse the file.
 */
export function svgText(svg: SvgElement): string {
  if (svg.tagName.toLowerCase() !== "svg") {
    throw new Error(`expected Plot to return an <svg>, got <${svg.tagName.toLowerCase()}>`);
  }
  if (!svg.getAttribute("xmlns")) svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.outerHTML}\n`;
}

/** Writes the chart whole or not at all (temporary name, sync, rename), as the reports are. */
export async function writeSvg(path: string, svg: SvgElement): Promise<void> {
  writeReportFile(path, svgText(svg), "plot");
}
