/** Schema: compiles blueprints to tables, plans and applies migrations, keeps archives. */
export { planMigration, applyMigration, publicSteps, type MigrateOptions, type MigrationResult } from './migrate.js';
export { createWorkspace } from './create-workspace.js';
export { planMigrationSteps } from './plan-migration.js';
export { desiredIndexes, desiredForeignKeys, indexColumn } from './desired-constraints.js';
export { workspaceSchemaName, outboxTable, auditTable, consentsTable, savedViewsTable, importTables, duplicateTables, blindIndexColumn } from './physical-names.js';
export {
  encryptionContext, encryptedColumn, encryptedColumns, sealValue, openValue, lookupIndexes, envelopePrefix,
  type EncryptedColumn, type SealedValue,
} from './encrypted-storage.js';
export { readValueBatch, writeValueBatch, rewriteBatchRows, type StoredValue, type RewrittenValue } from './rewrite-values.js';
export { workspaceUpkeepStatements } from './create-table.js';
export { qualified, quoteIdent } from './sql-identifiers.js';
export { columnType } from './column-sql.js';
export { lockWorkspace, loadSchemaState, type WorkspaceRow } from './load-schema-state.js';
export type { MigrationPlan, PlanStep, StepCheck, StepClass, Conversion, Conversions } from './plan-types.js';
export type { SchemaState, ArchiveRecord } from './schema-state.js';
export { upgradeWorkspaces } from './upgrade-workspaces.js';
