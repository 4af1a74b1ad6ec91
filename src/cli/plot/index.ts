// Charts for the CLI: Observable Plot drawn into a linkedom document, saved as standalone SVG.
export * from "./reform-effects.ts";
export * from "./render.ts";
export * from "./segment-spend.ts";
export * from "./survival-curves.ts";
export * from "./sweep-effects.ts";
export * from "./transition-heatmap.ts";
