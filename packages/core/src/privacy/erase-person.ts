import type { Knex } from 'knex';
import { appendAudit } from '../audit/index.js';
import { validateRecord, type ApiRecord, type DataContext } from '../data/index.js';
import { translateDbError } from '../db/index.js';
import type { Field, ObjectModel } from '../documents/index.js';
import { fieldError, TesseraError, throwIfErrors, type FieldError } from '../errors/index.js';
import { consentsTable, qualified, quoteIdent } from '../schema/index.js';
import { eraseRows, type ErasedRecord, type ErasureRow } from './erase-rows.js';
import { erasableFields, erasedValue, isErasedValue } from './erased-value.js';
import { readPlainRows } from './read-plain-rows.js';
import { requireSubject } from './require-subject.js';
import { subjectRelations } from './subject-relations.js';

/** What an erasure request must say. */
export interface ErasureOptions {
  /** Must be `true`: an erasure cannot be undone. */
  confirm?: unknown;
}

/** What an erasure did. */
export interface ErasureResult {
  subject: { object: string; id: string };
  /** False when there was nothing left to anonymise (a second erasure). */
  changed: boolean;
  /** Each record changed and its anonymised fields. */
  records: ErasedRecord[];
  /** Consent entries of the subject whose free-text source was cleared. */
  consentSourcesCleared: number;
}

/** Tries of another placeholder when one is taken by another record of a unique field. */
const maxPlaceholderTries = 20;

/** A placeholder no other record of the field holds (nor another record of this erasure). */
async function freePlaceholder(trx: Knex, schema: string, object: ObjectModel, field: Field, id: string, chosen: Set<string>): Promise<string | undefined> {
  for (let attempt = 0; attempt < maxPlaceholderTries; attempt += 1) {
    const candidate = erasedValue(field, id, attempt);
    if (candidate === undefined || !field.unique) return candidate;
    const { rows } = await trx.raw(`SELECT 1 FROM ${qualified(schema, object.name)} WHERE ${quoteIdent(field.name)} = ? AND id <> ? LIMIT 1`, [candidate, id]);
    if (!chosen.has(`${field.name}\u0000${candidate}`) && (rows as unknown[]).length === 0) {
      chosen.add(`${field.name}\u0000${candidate}`);
      return candidate;
    }
  }
  throw new Error(`no free erasure placeholder for ${object.name}.${field.name}`);
}

/** The anonymised values of one record, or undefined when it already holds them. */
async function anonymised(trx: Knex, schema: string, object: ObjectModel, fields: readonly Field[], record: ApiRecord, chosen: Set<string>, errors: FieldError[]): Promise<ErasureRow | undefined> {
  const id = String(record.id);
  const values: Record<string, string | null> = {};
  let differs = false;
  for (const field of fields) {
    const current = record[field.name] ?? null;
    let target: string | null = null;
    if (field.required) {
      const placeholder = isErasedValue(field, current) ? current as string : await freePlaceholder(trx, schema, object, field, id, chosen);
      if (placeholder === undefined) {
        errors.push(fieldError(`/${object.name}/${field.name}`, 'invalid', { reason: `a required personal ${field.type} field has no anonymous value; make it optional in the blueprint` }));
        continue;
      }
      errors.push(...validateRecord(object, { [field.name]: placeholder }, 'patch', `/${object.name}`));
      target = placeholder;
    }
    values[field.name] = target;
    if (current !== target) differs = true;
  }
  return differs ? { id, values } : undefined;
}

/**
 * The subject's own records: the subject and every record of another object that points at it
 * through a many_to_one field (a customer's orders, interactions, coupons). Records of the
 * subject's own object that point at it (a referral) are other people's, and what the subject
 * points at (a product, a store) is nobody's personal data: neither is touched.
 */
function erasureTargets(context: DataContext, object: ObjectModel): { object: ObjectModel; column: string }[] {
  const pointing = subjectRelations(context.model, object.name).pointingAt.filter((relation) => relation.object.name !== object.name);
  return [{ object, column: 'id' }, ...pointing.map((relation) => ({ object: relation.object, column: relation.field.name }))];
}

async function eraseAll(trx: Knex, context: DataContext, object: ObjectModel, id: string): Promise<ErasedRecord[]> {
  const chosen = new Set<string>();
  const errors: FieldError[] = [];
  const writes: { object: ObjectModel; fields: Field[]; rows: ErasureRow[] }[] = [];
  for (const target of erasureTargets(context, object)) {
    const fields = erasableFields(target.object.columnFields);
    if (fields.length === 0) continue;
    const rows: ErasureRow[] = [];
    for (const record of await readPlainRows(trx, context, target.object, target.column, [id], { lock: true })) {
      const row = await anonymised(trx, context.schema, target.object, fields, record, chosen, errors);
      if (row) rows.push(row);
    }
    writes.push({ object: target.object, fields, rows });
  }
  // Refused before anything is written: a partial erasure would be worse than none.
  throwIfErrors(errors);
  const erased: ErasedRecord[] = [];
  for (const write of writes) erased.push(...await eraseRows(trx, context, write.object, write.fields, write.rows));
  return erased;
}

/**
 * Erases a person (PIPL art. 47, GDPR art. 17, CCPA): anonymises every personal field of the
 * subject record and of the records that point at it, in one transaction — optional fields set
 * to NULL, required ones to a placeholder that passes the field's constraints (erased-value.ts).
 * The records stay (an order keeps its amount and its customer), so history is kept without the
 * personal values, which the audit log never held. Consents are kept as proof, their free-text
 * source cleared. Needs the `privacy` capability, reading the object, and `{confirm: true}`
 * (400 otherwise). A second erasure changes nothing and answers `changed: false`.
 */
export async function erasePerson(context: DataContext, objectName: string, id: string, options: ErasureOptions = {}): Promise<ErasureResult> {
  context.access.requireCapability('privacy');
  context.access.object(objectName, 'read');
  if (options.confirm !== true) throw new TesseraError('BAD_REQUEST', { reason: 'an erasure cannot be undone: send {"confirm": true}' });
  try {
    return await context.knex.transaction(async (trx) => {
      const access = await requireSubject(context, objectName, id, 'privacy', trx);
      const records = await eraseAll(trx, context, access.object, id);
      const cleared = await trx.raw(`UPDATE ${qualified(context.schema, consentsTable)} SET source = NULL WHERE object = ? AND record_id = ? AND source IS NOT NULL RETURNING id`, [objectName, id]);
      const consentSourcesCleared = (cleared as { rows: unknown[] }).rows.length;
      await appendAudit(trx, context.schema, context.stamp, {
        action: 'privacy.erase_request', object: objectName, recordId: id, details: { records: records.length, consentSourcesCleared },
      });
      return { subject: { object: objectName, id }, changed: records.length > 0 || consentSourcesCleared > 0, records, consentSourcesCleared };
    });
  } catch (error) {
    throw translateDbError(error) ?? error;
  }
}
