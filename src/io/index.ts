// Public face of src/io: readers and writers (CSV, JSON, Parquet, columnar binary), streaming.

export * from "./columnar.ts";
export type { ColumnarColumnHeader, ColumnarHeader } from "./columnar-format.ts";
export * from "./csv-frame.ts";
export type { ColumnKind } from "./csv-frame-sample.ts";
export { type CsvRecord, CsvScanner } from "./csv-scan.ts";
export * from "./frame.ts";
export * from "./frame-describe.ts";
export * from "./frame-load.ts";
export * from "./frame-read.ts";
export * from "./panel.ts";
export * from "./panel-index.ts";
export type { PanelSummary } from "./panel-summary.ts";
export { PANEL_COLUMNS, PanelWriter, type PanelWriterOptions } from "./panel-writer.ts";
export * from "./parquet-frame.ts";
export {
  type FirmBatch,
  type ProfileColumnsBatch,
  type ReadProfileColumnsOptions,
  readProfileColumnBatches,
} from "./profile-columns-reader.ts";
export {
  type ReadRecordsOptions,
  type RecordFormat,
  type RecordRow,
  readFirmBatches,
  readFirmRecords,
  validateCsvCells,
} from "./records.ts";
export { parseJsonRecords } from "./records-json.ts";
export { csvLine, REJECTS_HEADER, RejectsWriter, rejectLines } from "./rejects.ts";
export { writeTextFile } from "./text-file.ts";
