import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { Filter, Form, FormField } from '../api/documents.js';
import type { ModelField, ModelObject } from '../api/workspace-model.js';
import { localized } from '../i18n/formatters.js';
import type { Locale } from '../i18n/locales.js';
import { isReadOnlyType, isWritable, valueSchema, widgetUi } from './field-schema.js';
import type { FieldTypes } from './match-filter.js';

/** One field placed in a section, with the conditions evaluated as the user types. */
export interface LaidOutField {
  name: string;
  /** Columns it takes, at most the section's. */
  span: number;
  visibleWhen?: Filter;
  readOnlyWhen?: Filter;
  requiredWhen?: Filter;
}

/** One section as drawn: its title in the current language, its grid and its fields. */
export interface LaidOutSection {
  id: string;
  title: string;
  columns: number;
  collapsed: boolean;
  visibleWhen?: Filter;
  fields: LaidOutField[];
}

/** A form ready for react-jsonschema-form: its schema and uiSchema, and the layout the sections template draws. */
export interface CompiledForm {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  sections: LaidOutSection[];
  /** Fields required whatever the record holds. */
  required: string[];
  /** Fields never entered in this form (no write access, filled by the engine, or read-only on the form). */
  readOnly: string[];
  /** The placed fields by name. */
  fields: Record<string, ModelField>;
  /** Every field's type (placed or not: a condition may name any), for the filter evaluator. */
  types: FieldTypes;
}

/** What a form is compiled from. */
export interface CompileInput {
  object: Pick<ModelObject, 'name' | 'fields'>;
  /** The designed form, or the default one. */
  form: Form;
  /** Every object the caller sees: a relation's picker names its target's records by their title field. */
  objects: readonly ModelObject[];
  locale: Locale;
  /**
   * Personal fields whose value is kept unless the user types a new one (the record holds only a
   * masked value): name → the masked value, shown as the placeholder. They are not required.
   */
  kept?: Readonly<Record<string, string>>;
}

const conditionKeys = ['visibleWhen', 'readOnlyWhen', 'requiredWhen'] as const;

function laidOutField(entry: FormField, columns: number): LaidOutField {
  const laidOut: LaidOutField = { name: entry.field, span: Math.min(Math.max(entry.span ?? 1, 1), columns) };
  for (const key of conditionKeys) if (entry[key] !== undefined) laidOut[key] = entry[key];
  return laidOut;
}

function fieldUi(field: ModelField, entry: FormField, input: CompileInput, readOnly: boolean): UiSchema {
  const ui = widgetUi(field, entry.widget, input.objects);
  const kept = input.kept?.[field.name];
  const placeholder = kept ?? (entry.placeholder ? localized(entry.placeholder, input.locale) : undefined);
  if (placeholder) ui['ui:placeholder'] = placeholder;
  // The help goes in the description: the antd template shows a help text instead of the errors.
  const help = entry.help ?? field.help;
  if (help) ui['ui:description'] = localized(help, input.locale);
  if (readOnly) ui['ui:disabled'] = true;
  return ui;
}

/**
 * Compiles an object's form into react-jsonschema-form's schema and uiSchema: one property per
 * placed field the caller can read (others are left out), typed per field type, labelled in the
 * current language; the sections' layout rides along for the sections template. Conditions are
 * kept as they are: applyConditions evaluates them on the data being typed.
 */
export function compileForm(input: CompileInput): CompiledForm {
  const byName = new Map(input.object.fields.map((field) => [field.name, field] as const));
  const compiled: CompiledForm = {
    schema: { type: 'object', properties: {} }, uiSchema: {}, sections: [], required: [], readOnly: [], fields: {},
    types: Object.fromEntries(input.object.fields.map((field) => [field.name, field.type])),
  };
  for (const section of input.form.sections) {
    const columns = Math.min(Math.max(section.columns ?? 2, 1), 4);
    const fields: LaidOutField[] = [];
    for (const entry of section.fields) {
      const field = byName.get(entry.field);
      if (!field || compiled.fields[field.name]) continue;
      const readOnly = !isWritable(field) || entry.readOnly === true;
      compiled.fields[field.name] = field;
      compiled.schema.properties![field.name] = { ...valueSchema(field, input.locale), title: localized(field.label, input.locale, field.name) };
      compiled.uiSchema[field.name] = fieldUi(field, entry, input, readOnly);
      if (readOnly) compiled.readOnly.push(field.name);
      else if (field.required && input.kept?.[field.name] === undefined) compiled.required.push(field.name);
      fields.push(laidOutField(isReadOnlyType(field) ? { ...entry, requiredWhen: undefined } : entry, columns));
    }
    if (fields.length === 0) continue;
    compiled.sections.push({
      id: section.id, title: localized(section.title, input.locale, section.id), columns, collapsed: section.collapsed === true,
      ...(section.visibleWhen ? { visibleWhen: section.visibleWhen } : {}), fields,
    });
  }
  return compiled;
}
