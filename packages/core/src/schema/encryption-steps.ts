import type { Knex } from 'knex';
import type { Field } from '../documents/index.js';
import { TesseraError } from '../errors/index.js';
import type { KeyRing } from '../personal/index.js';
import type { PlanStep, StepCheck } from './plan-types.js';
import { columnType } from './column-sql.js';
import { blindIndexName, envelopeCheckName } from './physical-names.js';
import { qualified, quoteIdent, sqlString } from './sql-identifiers.js';
import { encryptedColumn, envelopePrefix, openValue, sealValue } from './encrypted-storage.js';
import { countValues, rewriteValues } from './rewrite-values.js';

/** Where an encryption step runs (the parts of run-step's StepContext it uses). */
export interface EncryptionStepContext {
  trx: Knex;
  schema: string;
  keys?: KeyRing;
  /** A plan's dry run: encrypting skips the rewrite (nothing after it reads the values) and counts instead. */
  dryRun?: boolean;
}

/** The key ring, which only steps that touch encrypted values need. */
export function requireKeys(context: { keys?: KeyRing }): KeyRing {
  if (!context.keys) throw new Error('this migration encrypts or decrypts values: pass the key ring (MigrateOptions.keys)');
  return context.keys;
}

/** The SQL of the check that keeps plaintext out of an encrypted column (CREATE TABLE and ADD CONSTRAINT alike). */
export function envelopeCheckSql(objectId: string, field: Field): string {
  return `CONSTRAINT ${quoteIdent(envelopeCheckName(objectId, field.id))} CHECK (${quoteIdent(field.name)} LIKE ${sqlString(`${envelopePrefix}%`)})`;
}

/** Creates the index over an encrypted field's blind-index column (lookups by eq and in). */
export async function createBlindIndex(trx: Knex, schema: string, table: string, objectId: string, field: Field): Promise<void> {
  const { indexColumn } = encryptedColumn(objectId, field);
  await trx.raw(`CREATE INDEX ${quoteIdent(blindIndexName(objectId, field.id))} ON ${qualified(schema, table)} (${quoteIdent(indexColumn)})`);
}

/**
 * Gives an encrypted field of an existing table an empty blind-index column. One left by an
 * earlier encrypted field of the same id (purged, or data from outside) is dropped first: its
 * values could not be trusted.
 */
export async function addBlindIndexColumn(trx: Knex, schema: string, table: string, objectId: string, field: Field): Promise<void> {
  const { indexColumn } = encryptedColumn(objectId, field);
  await trx.raw(`ALTER TABLE ${qualified(schema, table)} DROP COLUMN IF EXISTS ${quoteIdent(indexColumn)}`);
  await trx.raw(`ALTER TABLE ${qualified(schema, table)} ADD COLUMN ${quoteIdent(indexColumn)} text`);
}

/** Finishes an encrypted field's storage once its column holds envelopes only: the check and the index. */
export async function finishEncryptedStorage(trx: Knex, schema: string, table: string, objectId: string, field: Field): Promise<void> {
  await trx.raw(`ALTER TABLE ${qualified(schema, table)} ADD ${envelopeCheckSql(objectId, field)}`);
  await createBlindIndex(trx, schema, table, objectId, field);
}

/**
 * Encrypts a filled field: the column becomes text, every value (live and deleted rows) is read,
 * encrypted in Node and written back with its blind index, 1,000 rows per statement, inside the
 * apply's transaction (the DDL first holds the table, so no writer slips a row in between).
 */
export async function encryptField(context: EncryptionStepContext, step: Extract<PlanStep, { kind: 'encrypt_field' }>): Promise<void> {
  const { trx, schema } = context;
  const table = qualified(schema, step.table);
  const column = encryptedColumn(step.objectId, step.after);
  await trx.raw(`ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(step.after.name)} TYPE text`);
  await addBlindIndexColumn(trx, schema, step.table, step.objectId, step.after);
  if (context.dryRun) {
    step.rows = await countValues(trx, table, step.after.name);
    await createBlindIndex(trx, schema, step.table, step.objectId, step.after);
    return;
  }
  const keys = requireKeys(context);
  step.rows = await rewriteValues(trx, table, step.after.name, column.indexColumn, ({ id, value }) => {
    const sealed = sealValue(keys, column, value);
    return { id, value: sealed.envelope, index: sealed.index };
  });
  await finishEncryptedStorage(trx, schema, step.table, step.objectId, step.after);
}

/**
 * Decrypts a field back to plain values: every value must decrypt (one altered, or under a key the
 * ring no longer holds, refuses the apply, naming how many); then the blind index goes and the
 * column takes the plain field's type again.
 */
export async function decryptField(context: EncryptionStepContext, step: Extract<PlanStep, { kind: 'decrypt_field' }>): Promise<void> {
  const { trx, schema } = context;
  const keys = requireKeys(context);
  const table = qualified(schema, step.table);
  const column = encryptedColumn(step.objectId, step.before);
  await trx.raw(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${quoteIdent(envelopeCheckName(step.objectId, step.before.id))}`);
  let unreadable = 0;
  step.rows = await rewriteValues(trx, table, step.before.name, undefined, ({ id, value }) => {
    try {
      return { id, value: openValue(keys, column, value) };
    } catch {
      unreadable += 1;
      return undefined;
    }
  });
  if (unreadable > 0) {
    throw new TesseraError('BAD_REQUEST', { reason: `${unreadable} values of ${step.object}.${step.before.name} cannot be decrypted (altered, or under a key missing from TESSERA_PREVIOUS_SECRET_KEYS): the field stays encrypted` });
  }
  await trx.raw(`ALTER TABLE ${table} DROP COLUMN IF EXISTS ${quoteIdent(column.indexColumn)}`);
  await trx.raw(`ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(step.before.name)} TYPE ${columnType({ ...step.before, encrypted: false })}`);
}

/**
 * Applies a conversion to the rows of an encrypted field that violate a check (a field made
 * required: its empty rows): the value given goes in encrypted, with its blind index; set_null
 * clears both. Only checks that hold on ciphertexts reach here (see planEncryptionChange).
 */
export async function convertEncryptedRows(context: EncryptionStepContext, step: Extract<PlanStep, { kind: 'alter_field' }>, check: StepCheck): Promise<void> {
  const conversion = check.conversion!;
  if (conversion.onInvalid === 'truncate') throw new Error('an encrypted value cannot be truncated in the database');
  const column = encryptedColumn(step.objectId, step.after);
  const sealed = conversion.onInvalid === 'set_value' ? sealValue(requireKeys(context), column, String(conversion.value)) : undefined;
  await context.trx.raw(
    `UPDATE ${qualified(context.schema, step.table)} SET ${quoteIdent(step.after.name)} = ?, ${quoteIdent(column.indexColumn)} = ? WHERE ${check.predicate}`,
    [sealed?.envelope ?? null, sealed?.index ?? null],
  );
}
