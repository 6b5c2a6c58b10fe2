import type { ModelObject } from '../api/workspace-model.js';
import { toFormData, type FormValues } from './form-values.js';
import { relationTitles } from './relation-titles.js';

/** Where an edit starts: the form's values, the personal values kept, the version to send and the related titles known. */
export interface FormStartState {
  data: FormValues;
  kept: Record<string, string>;
  /** The record's version, sent with the PATCH (undefined for a new record). */
  version: unknown;
  titles: Record<string, string>;
}

/** The start of editing a record (its personal values kept), or of creating one from initial values. */
export function formStart(object: ModelObject, objects: readonly ModelObject[], record?: Readonly<Record<string, unknown>>, initialValues: Readonly<Record<string, unknown>> = {}): FormStartState {
  if (!record) return { data: toFormData(object.fields, initialValues, false).data, kept: {}, version: undefined, titles: {} };
  const { data, kept } = toFormData(object.fields, record, true);
  return { data, kept, version: record.version, titles: relationTitles(object.fields, record, objects) };
}
