import type { DataContext } from '../data/index.js';
import { ajvErrorsToFieldErrors, documentValidator, type ImportMapping } from '../documents/index.js';
import { TesseraError, fieldError, throwIfErrors, type FieldError } from '../errors/index.js';
import { importTables, qualified } from '../schema/index.js';

/** A saved mapping, reused for the next file of the same kind. */
export interface MappingTemplate {
  id: string;
  object: string;
  name: string;
  mapping: ImportMapping;
  createdBy: string;
  updatedAt: string;
}

/** Templates kept per object: a list to choose from, not an archive. */
export const maxTemplatesPerObject = 200;

interface TemplateRow { id: string; object: string; name: string; mapping: ImportMapping; created_by: string; updated_at: string }

const view = (row: TemplateRow): MappingTemplate => ({ id: row.id, object: row.object, name: row.name, mapping: row.mapping, createdBy: row.created_by, updatedAt: row.updated_at });
const table = (context: DataContext) => qualified(context.schema, importTables.templates);

/** The templates of an object, by name (the caller may import into it). */
export async function listTemplates(context: DataContext, object: string): Promise<MappingTemplate[]> {
  context.access.object(object, 'import');
  const { rows } = await context.knex.raw(`SELECT * FROM ${table(context)} WHERE object = ? ORDER BY name`, [object]) as { rows: TemplateRow[] };
  return rows.map(view);
}

/**
 * Saves a mapping under a name (replacing the template of that name): the mapping must be valid
 * by its schema and name only fields the caller may write. Its columns are checked against each
 * file when it is used.
 */
export async function saveTemplate(context: DataContext, object: string, name: unknown, mapping: unknown): Promise<MappingTemplate> {
  const access = context.access.object(object, 'import');
  const errors: FieldError[] = [];
  if (typeof name !== 'string' || name.trim() === '') errors.push(fieldError('/name', 'required'));
  else if (name.length > 100) errors.push(fieldError('/name', 'max_length', { limit: 100 }));
  const validate = documentValidator('import-mapping');
  if (!validate(mapping)) errors.push(...ajvErrorsToFieldErrors(validate.errors!).map((error) => ({ ...error, pointer: `/mapping${error.pointer}` })));
  else {
    for (const field of Object.keys((mapping as ImportMapping).fields)) if (!access.writable.has(field)) errors.push(fieldError(`/mapping/fields/${field}`, access.readable.has(field) ? 'read_only' : 'unknown_field'));
  }
  throwIfErrors(errors);
  const trimmed = (name as string).trim();
  return context.knex.transaction(async (trx) => {
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`${context.schema}.templates.${object}`]);
    const { rows: counted } = await trx.raw(`SELECT count(*)::int AS n FROM ${table(context)} WHERE object = ? AND name <> ?`, [object, trimmed]) as { rows: { n: number }[] };
    if (counted[0]!.n >= maxTemplatesPerObject) throw new TesseraError('BAD_REQUEST', { reason: `at most ${maxTemplatesPerObject} templates per object; delete one first` });
    const { rows } = await trx.raw(`INSERT INTO ${table(context)} (object, name, mapping, created_by) VALUES (?, ?, ?::jsonb, ?)
      ON CONFLICT (object, name) DO UPDATE SET mapping = excluded.mapping, created_by = excluded.created_by, updated_at = now() RETURNING *`, [
      object, trimmed, JSON.stringify({ ...(mapping as ImportMapping), object }), context.stamp.actorLabel ?? context.actor,
    ]) as { rows: TemplateRow[] };
    return view(rows[0]!);
  });
}

/** Deletes a template (anyone who may import into its object). */
export async function deleteTemplate(context: DataContext, id: string): Promise<void> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  const row = uuid ? (await context.knex.raw(`SELECT * FROM ${table(context)} WHERE id = ?`, [id]) as { rows: TemplateRow[] }).rows[0] : undefined;
  if (!row || !context.access.visible(row.object)?.actions.has('import')) throw new TesseraError('NOT_FOUND', { what: `template ${id.slice(0, 64)}` });
  await context.knex.raw(`DELETE FROM ${table(context)} WHERE id = ?`, [id]);
}
