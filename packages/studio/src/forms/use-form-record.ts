import { useMemo } from 'react';
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
 * choice. Until then (or when it fails) `record` is the record as given. The read answers personal
 * values masked: those `record` holds (plain, once revealed) are kept while it is the same version.
 */
export function useFormRecord(slug: string, object: string, compiled: CompiledForm, objects: readonly ModelObject[], record: RecordRow | undefined) {
  const include = record ? includedRelations(compiled, objects) : [];
  const included = useIncludedRecord(slug, object, record ? String(record.id) : '', include);
  const usable = included.data !== undefined && record !== undefined && Number(included.data.version ?? 0) >= Number(record.version ?? 0);
  const fresh = useMemo(() => (usable ? withGivenPersonalValues(included.data!, record!, compiled) : record), [usable, included.data, record, compiled]);
  return { record: fresh, ready: include.length === 0 || usable, error: included.error };
}

/** `read` with the personal values of `given` when both are the same version of the record. */
function withGivenPersonalValues(read: RecordRow, given: RecordRow, compiled: CompiledForm): RecordRow {
  if (Number(read.version ?? 0) !== Number(given.version ?? 0)) return read;
  const kept = Object.values(compiled.fields).filter((field) => field.personal && given[field.name] !== undefined);
  return kept.length === 0 ? read : { ...read, ...Object.fromEntries(kept.map((field) => [field.name, given[field.name]])) };
}
