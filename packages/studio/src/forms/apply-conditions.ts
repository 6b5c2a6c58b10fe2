import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { CompiledForm } from './compile-form.js';
import { matchFilter } from './match-filter.js';

/** A compiled form as the data being typed makes it now: what shows, what is read-only, what is required. */
export interface LiveForm {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  /** Sections hidden by their visibleWhen. */
  hiddenSections: ReadonlySet<string>;
  /** Fields hidden by their own or their section's visibleWhen (their values are kept). */
  hiddenFields: ReadonlySet<string>;
  /** Fields that cannot be entered now (always, or by readOnlyWhen). */
  readOnly: ReadonlySet<string>;
}

/**
 * Evaluates a form's conditions on its data: visibleWhen hides a section or a field (keeping its
 * value), readOnlyWhen disables a field, requiredWhen requires it. A hidden or read-only field is
 * never required: the user could not fill it.
 */
export function applyConditions(compiled: CompiledForm, data: Readonly<Record<string, unknown>>): LiveForm {
  const matches = (filter: Parameters<typeof matchFilter>[0]) => matchFilter(filter, data, compiled.types);
  const hiddenSections = new Set<string>();
  const hiddenFields = new Set<string>();
  const readOnly = new Set(compiled.readOnly);
  const required = new Set(compiled.required);
  const uiSchema: UiSchema = { ...compiled.uiSchema };
  for (const section of compiled.sections) {
    const sectionShown = !section.visibleWhen || matches(section.visibleWhen);
    if (!sectionShown) hiddenSections.add(section.id);
    for (const field of section.fields) {
      if (!sectionShown || (field.visibleWhen && !matches(field.visibleWhen))) hiddenFields.add(field.name);
      if (!readOnly.has(field.name) && field.readOnlyWhen && matches(field.readOnlyWhen)) {
        readOnly.add(field.name);
        uiSchema[field.name] = { ...(uiSchema[field.name] as UiSchema), 'ui:disabled': true };
      }
      if (field.requiredWhen && matches(field.requiredWhen)) required.add(field.name);
    }
  }
  const stillRequired = [...required].filter((name) => !hiddenFields.has(name) && !readOnly.has(name));
  return { schema: { ...compiled.schema, required: stillRequired }, uiSchema, hiddenSections, hiddenFields, readOnly };
}
