import type { DataContext } from '../data/index.js';
import { readConsents, type SubjectConsents } from './consent-history.js';
import { requireSubject } from './require-subject.js';

/** A person's consents: the current state per channel and purpose, and the full history newest first. Needs `read` on the object. */
export async function consentsOf(context: DataContext, objectName: string, id: string): Promise<SubjectConsents> {
  await requireSubject(context, objectName, id, 'read');
  return readConsents(context.knex, context.schema, objectName, id);
}
