import type { Knex } from 'knex';
import { encryptedColumn, encryptedColumns, type EncryptedColumn, type SchemaState } from '../schema/index.js';

/** One column that holds envelopes: live or archived, with its blind-index column in the same table. */
export interface StoredEncryptedColumn {
  table: string;
  column: string;
  storage: EncryptedColumn;
}

/**
 * Every column of a workspace that holds encrypted values: the live encrypted fields, and the
 * archived ones (a field archived in a live or an archived object, and the encrypted fields of an
 * archived object), so that a restore after a rotation still finds values under a key the ring
 * holds. Only columns present in the schema with their blind-index column are answered.
 */
export async function storedEncryptedColumns(knex: Knex, state: SchemaState): Promise<StoredEncryptedColumn[]> {
  const found: StoredEncryptedColumn[] = [];
  const liveTables = new Map((state.blueprint?.objects ?? []).map((object) => [object.id, object.name] as const));
  const archivedTables = new Map(state.archives.filter((archive) => archive.kind === 'object').map((archive) => [archive.objectId, archive.physicalName] as const));
  for (const object of state.blueprint?.objects ?? []) {
    for (const storage of encryptedColumns(object)) found.push({ table: object.name, column: storage.field.name, storage });
  }
  for (const archive of state.archives) {
    const { object, field } = archive.definition;
    if (archive.kind === 'object' && object) {
      for (const storage of encryptedColumns(object)) found.push({ table: archive.physicalName, column: storage.field.name, storage });
    }
    const table = liveTables.get(archive.objectId) ?? archivedTables.get(archive.objectId);
    if (archive.kind === 'field' && field?.encrypted === true && table !== undefined) {
      found.push({ table, column: archive.physicalName, storage: encryptedColumn(archive.objectId, field) });
    }
  }
  const { rows } = await knex.raw('SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = ?', [state.schema]);
  const present = new Set((rows as { t: string; c: string }[]).map((row) => `${row.t}.${row.c}`));
  return found.filter((entry) => present.has(`${entry.table}.${entry.column}`) && present.has(`${entry.table}.${entry.storage.indexColumn}`));
}
