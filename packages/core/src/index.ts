/** @tessera/core: documents compiled into tables, validators and data operations. No HTTP. */
export { Tessera, type OpenOptions } from './tessera.js';
export { KeyRing, PersonalDataError, loadKeyRing, keyRingOptionsFromEnv, type PersonalDataFault } from './personal/index.js';
export * from './keys/index.js';
export * from './errors/index.js';
export * from './documents/index.js';
export * from './data/index.js';
export * from './access/index.js';
export * from './audit/index.js';
export * from './members/index.js';
export { openDatabase, translateDbError, type Database, type DatabaseKind, type DatabaseOptions } from './db/index.js';
export {
  planMigration, applyMigration, createWorkspace, workspaceSchemaName,
  type MigrationPlan, type MigrationResult, type MigrateOptions, type PlanStep, type Conversions, type Conversion,
} from './schema/index.js';
export * from './workspace/index.js';
export * from './accounts/index.js';
export * from './privacy/index.js';
export * from './views/index.js';
export * from './search/index.js';
export * from './jobs/index.js';
export * from './import/index.js';
