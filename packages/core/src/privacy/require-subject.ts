import type { Knex } from 'knex';
import type { ObjectAccess } from '../access/index.js';
import { listRecords, type DataContext } from '../data/index.js';
import { TesseraError } from '../errors/index.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a data-subject request needs of its caller besides reading the object. */
export type SubjectNeed = 'privacy' | 'update' | 'read';

/**
 * The checks every data-subject request makes before it reads or writes anything: the workspace
 * capability `privacy` (export, erasure) or the object action `update` (recording a consent),
 * reading the object, and a subject the caller's row rule lets it see — live or in the trash (a
 * trashed record still holds personal data). An unknown object, a malformed id, or an id of
 * another object, workspace or row is NOT_FOUND, as for any record. `knex` is the transaction
 * the request's reads run in.
 */
export async function requireSubject(context: DataContext, objectName: string, id: string, need: SubjectNeed, knex: Knex = context.knex): Promise<ObjectAccess> {
  if (need === 'privacy') context.access.requireCapability('privacy');
  const access = context.access.object(objectName, need === 'update' ? 'update' : 'read');
  const notFound = () => new TesseraError('NOT_FOUND', { what: `${objectName}/${String(id).slice(0, 64)}` });
  if (typeof id !== 'string' || !uuidPattern.test(id)) throw notFound();
  const reader = { ...context, knex };
  for (const trashed of ['false', 'only']) {
    const page = await listRecords(reader, objectName, { filter: { field: 'id', op: 'eq', value: id }, fields: ['id'], limit: 1, trashed });
    if (page.data.length > 0) return access;
  }
  throw notFound();
}

