/** Database access: PGlite or PostgreSQL behind one knex instance, platform tables, error translation. */
export { openDatabase, type Database, type DatabaseKind, type DatabaseOptions } from './open-database.js';
export { ensurePlatformSchema, platformSchema } from './platform-schema.js';
export { translateDbError } from './translate-db-error.js';
