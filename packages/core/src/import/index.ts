/** Import: CSV and Excel files streamed into records with mapping, cleaning, dedupe and merge, as resumable jobs with undo. */
export { Imports, type ImportEngine } from './imports.js';
export { importJobKind, type ImportRequest } from './start-import.js';
export type { ImportPreview, PreviewRow } from './preview-import.js';
export type { RowOutcome } from './plan-batch.js';
export type { ImportProgress } from './run-import.js';
export type { UndoResult } from './undo-import.js';
export type { ImportCounts, ImportStatus, ImportSummary, ImportFile } from './import-types.js';
export type { MappingSuggestion, ColumnSuggestion } from './map/suggest-mapping.js';
export { openTable, type TableInfo, type TableOptions, type TableFormat } from './read/open-table.js';
export { fileDigest } from './read/file-digest.js';
export { normalizePhone } from './clean/normalize-phone.js';
export { normalizeEmail } from './clean/normalize-email.js';
export { normalizeText } from './clean/normalize-text.js';
export { standardizeAddress, type ChineseAddress } from './clean/standardize-address.js';
export { parseDateParts, isoDate, isoInstant } from './clean/parse-date.js';
export { recordsToCsv, maxImportedRecords } from './records-table.js';
export type { RejectedRow } from './rejected-rows.js';
