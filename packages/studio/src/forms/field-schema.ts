import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { ModelField, ModelObject } from '../api/workspace-model.js';
import { localized } from '../i18n/formatters.js';
import type { Locale } from '../i18n/locales.js';
import { widgetSuits, type FormWidget } from './field-widgets.js';
import { titleFieldOf } from './record-title.js';

/** The longest text of each text type when the field sets none (the engine's column sizes). */
const defaultMaxLength: Record<string, number> = { text: 255, long_text: 100_000, email: 254, phone: 32, url: 2048 };
const typeMaxLength: Record<string, number> = { email: 254, phone: 32, url: 2048 };

/** True when clients never write the field: the engine fills it (one_to_many is written from the other side). */
export function isReadOnlyType(field: Pick<ModelField, 'type' | 'relation'>): boolean {
  return field.type === 'autonumber' || field.type === 'computed' || (field.type === 'relation' && field.relation?.kind === 'one_to_many');
}

/** True when the caller may write the field at all. */
export function isWritable(field: ModelField): boolean {
  return field.access === 'write' && !isReadOnlyType(field);
}

/** True for a relation holding many records (many_to_many, one_to_many). */
export function isToMany(field: Pick<ModelField, 'type' | 'relation'>): boolean {
  return field.type === 'relation' && field.relation?.kind !== 'many_to_one';
}

function textSchema(field: ModelField): RJSFSchema {
  const schema: RJSFSchema = { type: 'string' };
  const own = field.maxLength ?? defaultMaxLength[field.type];
  const limit = typeMaxLength[field.type];
  const maxLength = own !== undefined && limit !== undefined ? Math.min(own, limit) : own;
  if (maxLength !== undefined) schema.maxLength = maxLength;
  if (field.minLength !== undefined) schema.minLength = field.minLength;
  if (field.pattern !== undefined) schema.pattern = field.pattern;
  return schema;
}

function numberSchema(field: ModelField, type: 'integer' | 'number'): RJSFSchema {
  const schema: RJSFSchema = { type };
  if (field.min !== undefined) schema.minimum = field.min;
  if (field.max !== undefined) schema.maximum = field.max;
  return schema;
}

function optionsOf(field: ModelField, locale: Locale): RJSFSchema[] {
  return (field.options ?? []).map((option) => ({ const: option.value, title: localized(option.label, locale, option.value) }));
}

const computedSchemas: Record<string, RJSFSchema> = {
  text: { type: 'string' }, integer: { type: 'integer' }, decimal: { type: 'number' }, boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' }, datetime: { type: 'string', format: 'date-time' },
};

/**
 * The JSON Schema of a field's value in the form. Exact numbers are numbers while typed (sent as
 * such, which the API accepts); json is the text of the JSON, parsed before it is sent.
 */
export function valueSchema(field: ModelField, locale: Locale): RJSFSchema {
  switch (field.type) {
    case 'text': case 'email': case 'phone': case 'url': case 'long_text': return textSchema(field);
    case 'integer': return numberSchema(field, 'integer');
    case 'decimal': case 'money': case 'percent': return numberSchema(field, 'number');
    case 'boolean': return { type: 'boolean' };
    case 'date': return { type: 'string', format: 'date' };
    case 'datetime': return { type: 'string', format: 'date-time' };
    case 'single_select': return { type: 'string', oneOf: optionsOf(field, locale) };
    case 'multi_select': return { type: 'array', items: { type: 'string', oneOf: optionsOf(field, locale) }, uniqueItems: true };
    case 'relation': return isToMany(field) ? { type: 'array', items: { type: 'string' }, uniqueItems: true } : { type: 'string' };
    case 'computed': return computedSchemas[field.computed?.resultType ?? 'text'] ?? { type: 'string' };
    default: return { type: 'string' };
  }
}

/** The widget a field gets when its form entry names none (or names one that does not suit it). */
function defaultWidget(field: ModelField): string | undefined {
  switch (field.type) {
    case 'long_text': case 'json': return 'textarea';
    case 'email': return 'email';
    case 'url': return 'uri';
    case 'boolean': return 'checkbox';
    case 'date': return 'date';
    case 'datetime': return 'datetime';
    case 'relation': return 'relation';
    default: return undefined;
  }
}

/** rjsf's names of the form's widgets, where they differ. */
const rjsfWidgets: Partial<Record<FormWidget, string>> = { url: 'uri' };

/** The uiSchema of how a field is entered: its widget (as rjsf names it) and that widget's options. */
export function widgetUi(field: ModelField, widget: FormWidget | undefined, objects: readonly ModelObject[]): UiSchema {
  const chosen = widget !== undefined && widgetSuits(widget, field) ? (rjsfWidgets[widget] ?? widget) : defaultWidget(field);
  const ui: UiSchema = chosen === undefined ? {} : { 'ui:widget': chosen };
  if (chosen === 'textarea') ui['ui:options'] = { rows: field.type === 'json' ? 6 : 4 };
  if (field.type === 'relation' && field.relation) {
    const target = objects.find((object) => object.name === field.relation!.target);
    ui['ui:options'] = { target: field.relation.target, multiple: isToMany(field), titleField: titleFieldOf(target) ?? '' };
  }
  return ui;
}
