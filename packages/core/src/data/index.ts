/** Data: records of a workspace through one write pipeline, and list queries with the filter language. */
export type { DataContext } from './data-context.js';
export { listRecords, type RecordPage, type ListOptions } from './list-records.js';
export { parseListQuery, maxPageSize, type ListQuery, type SortKey } from './list-query.js';
export { compileFilter, type CompiledFilter } from './compile-filter.js';
export { getRecord, createRecord, updateRecord, deleteRecord, restoreRecord, revealRecord } from './record-operations.js';
export { bulkWrite, maxBulkRecords, type BulkMode, type BulkResult } from './bulk-write.js';
export { serializeRecord, type ApiRecord } from './serialize-record.js';
export { recordValidators, validateRecord } from './record-validators.js';
export { exportRecords, type ExportFormat, type ExportOptions } from './export-records.js';
export { decryptRecord, decryptRows } from './decrypt-record.js';
export { sealRows, type SealedRows } from './seal-rows.js';
export { deleteRecords, maxDeleteIds, type DeleteResult } from './delete-records.js';
export { validateWrite } from './validate-write.js';
export { recordHistory, type HistoryEntry, type HistoryChange, type HistoryPage } from './record-history.js';
export { lookupValue as searchLookupValue } from './search-filter.js';
export { rowScope } from './row-scope.js';
export { maskRecord } from './readable-record.js';
export type { Language } from './xlsx-columns.js';
