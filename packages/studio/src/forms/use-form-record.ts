import type { ModelObject } from '../api/workspace-model.js';
import { useIncludedRecord } from '../record/use-included-record.js';
import type { RecordRow } from '../records/use-records.js';
import type { CompiledForm } from './compile-form.js';

/** The relation fields of a form whose related records the caller may read: their titles, and a to-many's ids, need `include=`. */
export function includedRelations(compiled: CompiledForm, objects: readonly ModelObject[]): string[] {
  return Object.values(compiled.fields)
    .filter((field) => field.type === 'relation' && objects.some((object) => object.name === field.relation?.target))
    .map((field) => field.name);
}

/**
 * The record as its form needs it: read again with its placed relations embedded, so that pickers
 * and details show titles and a many-to-many field its ids. `ready` only once that answer is as new
 * as `record`: an editor started without a many-to-many's ids would replace them with the user's
 * choice. Until then (or when it fails) `record` is the record as given.
 */
export function useFormRecord(slug: string, object: string, compiled: CompiledForm, objects: readonly ModelObject[], record: RecordRow | undefined) {
  const include = record ? includedRelations(compiled, objects) : [];
  const included = useIncludedRecord(slug, object, record ? String(record.id) : '', include);
  const fresh = included.data && record && Number(included.data.version ?? 0) >= Number(record.version ?? 0) ? included.data : record;
  return { record: fresh, ready: include.length === 0 || (fresh !== undefined && fresh === included.data), error: included.error };
}
