import type { Knex } from 'knex';
import { appendAudit } from '../audit/index.js';
import type { ApiRecord, DataContext } from '../data/index.js';
import type { Blueprint, ObjectModel } from '../documents/index.js';
import { maskValue } from '../personal/index.js';
import { readAuditTrail, type SubjectAuditEntry } from './audit-trail.js';
import { readConsents, type SubjectConsents } from './consent-history.js';
import { linkedIds } from './linked-ids.js';
import { readPlainRows } from './read-plain-rows.js';
import { requireSubject } from './require-subject.js';
import { subjectRelations } from './subject-relations.js';

/** Names the format of the export document; a new version gets a new name. */
export const subjectExportFormat = 'tessera-subject-export/1';

/** Everything a workspace holds about one person (see privacy/README.md for each part). */
export interface SubjectExport {
  format: typeof subjectExportFormat;
  exportedAt: string;
  workspace: { slug: string; label: Blueprint['label'] };
  subject: { object: string; id: string };
  /** The subject's record, every column, personal values in clear. */
  record: ApiRecord;
  /** `<object>.<field>`: the records pointing at the subject (its orders, interactions…), in clear. */
  related: Record<string, ApiRecord[]>;
  /** `<field>`: what the subject's relation fields point at; other people's personal values masked. */
  references: Record<string, ApiRecord | ApiRecord[] | null>;
  /** `<object>.<field>`: records of the subject's own object pointing at it, and many_to_many links to it; masked. */
  referencedBy: Record<string, ApiRecord[]>;
  consents: SubjectConsents;
  /** The history of the subject's record and of the related records, oldest first. */
  audit: SubjectAuditEntry[];
}

/** Another person's (or nobody's) record as an export shows it: personal values masked. */
function masked(object: ObjectModel, record: ApiRecord): ApiRecord {
  for (const field of object.definition.fields) {
    if (field.personal === true && field.name in record) record[field.name] = maskValue(field.type, record[field.name]);
  }
  return record;
}

async function readMasked(trx: Knex, context: DataContext, object: ObjectModel, ids: readonly string[]): Promise<ApiRecord[]> {
  return (await readPlainRows(trx, context, object, 'id', ids)).map((record) => masked(object, record));
}

/** The subject's own records (in clear) and its audit trail's record ids. */
async function readRelated(trx: Knex, context: DataContext, object: ObjectModel, id: string): Promise<{ related: SubjectExport['related']; referencedBy: SubjectExport['referencedBy']; trail: Map<string, string[]> }> {
  const related: SubjectExport['related'] = {};
  const referencedBy: SubjectExport['referencedBy'] = {};
  const trail = new Map<string, string[]>([[object.name, [id]]]);
  for (const { object: other, field } of subjectRelations(context.model, object.name).pointingAt) {
    const records = await readPlainRows(trx, context, other, field.name, [id]);
    if (other.name === object.name) {
      referencedBy[`${other.name}.${field.name}`] = records.map((record) => masked(other, record));
      continue;
    }
    related[`${other.name}.${field.name}`] = records;
    trail.set(other.name, [...(trail.get(other.name) ?? []), ...records.map((record) => String(record.id))]);
  }
  for (const { object: other, field } of subjectRelations(context.model, object.name).linkedFrom) {
    referencedBy[`${other.name}.${field.name}`] = await readMasked(trx, context, other, await linkedIds(trx, context.schema, other, field, 'target', id));
  }
  return { related, referencedBy, trail };
}

async function readReferences(trx: Knex, context: DataContext, object: ObjectModel, record: ApiRecord): Promise<SubjectExport['references']> {
  const references: SubjectExport['references'] = {};
  const relations = subjectRelations(context.model, object.name);
  for (const field of relations.pointsTo) {
    const target = context.model.objects.get(field.relation!.target)!;
    const value = record[field.name];
    references[field.name] = typeof value === 'string' ? (await readMasked(trx, context, target, [value]))[0] ?? null : null;
  }
  for (const field of relations.linksTo) {
    const target = context.model.objects.get(field.relation!.target)!;
    references[field.name] = await readMasked(trx, context, target, await linkedIds(trx, context.schema, object, field, 'source', String(record.id)));
  }
  return references;
}

/**
 * Exports everything held about a person (PIPL art. 45, GDPR art. 15 and 20, CCPA): the record,
 * the records pointing at it, what it points at, its consents and its history, read in one
 * REPEATABLE READ transaction so that every part is of the same moment; the export is audited
 * (`privacy.export`) in that transaction. Needs the `privacy` capability and reading the object;
 * related records are read whatever the caller's row rules, since an export must be complete.
 */
export async function exportPerson(context: DataContext, objectName: string, id: string): Promise<SubjectExport> {
  return context.knex.transaction(async (trx) => {
    const { object } = await requireSubject(context, objectName, id, 'privacy', trx);
    const [record] = await readPlainRows(trx, context, object, 'id', [id]);
    const { related, referencedBy, trail } = await readRelated(trx, context, object, id);
    const references = await readReferences(trx, context, object, record!);
    const consents = await readConsents(trx, context.schema, objectName, id);
    const audit = await readAuditTrail(trx, context.schema, trail);
    const counts = Object.fromEntries(Object.entries(related).map(([key, records]) => [key, records.length]));
    await appendAudit(trx, context.schema, context.stamp, { action: 'privacy.export', object: objectName, recordId: id, details: { related: counts } });
    return {
      format: subjectExportFormat, exportedAt: new Date().toISOString(),
      workspace: { slug: context.schema.replace(/^ws_/, ''), label: context.model.blueprint.label },
      subject: { object: objectName, id }, record: record!, related, references, referencedBy, consents, audit,
    };
  }, { isolationLevel: 'repeatable read' });
}
