import type { Field, LocalizedText, Relation } from '../api/documents.js';
import { applies, canBeRequired, canHaveDefault, encryptableTypes, hasColumn } from './field-rules.js';

/** One option as the options editor holds it. */
export interface OptionValues {
  value: string;
  label: { 'zh-CN': string; en: string };
  color?: string | undefined;
}

/** A field as the drawer's form holds it: flat, every property optional until the type asks for it. */
export interface FieldValues {
  name: string;
  type: Field['type'];
  label: { 'zh-CN': string; en: string };
  help?: { 'zh-CN'?: string; en?: string };
  required?: boolean;
  unique?: boolean;
  indexed?: boolean;
  personal?: boolean;
  encrypted?: boolean;
  /** Typed by its widget: a text, a number, 'true'/'false' for yes/no, a list for multi_select. */
  default?: unknown;
  /** A json field's default, as the JSON text typed. */
  defaultJson?: string;
  min?: number | null;
  max?: number | null;
  minLength?: number | null;
  maxLength?: number | null;
  precision?: number | null;
  scale?: number | null;
  pattern?: string;
  currency?: string;
  options?: OptionValues[];
  relation?: Partial<Relation>;
  autonumber?: string;
  resultType?: NonNullable<Field['computed']>['resultType'];
}

const numberProperties = ['min', 'max', 'minLength', 'maxLength', 'precision', 'scale'] as const;

function defaultValues(field: Field): Pick<FieldValues, 'default' | 'defaultJson'> {
  if (field.default === undefined) return {};
  if (field.type === 'json') return { defaultJson: JSON.stringify(field.default, null, 2) };
  if (field.type === 'boolean') return { default: String(field.default) };
  return { default: field.default };
}

/** The drawer's values of an existing field. */
export function fieldToValues(field: Field): FieldValues {
  const values: FieldValues = {
    name: field.name, type: field.type, label: { ...field.label }, ...(field.help ? { help: { ...field.help } } : {}),
    required: field.required === true, unique: field.unique === true, indexed: field.indexed === true, personal: field.personal === true, encrypted: field.encrypted === true,
    ...defaultValues(field),
  };
  for (const property of numberProperties) if (field[property] !== undefined) values[property] = field[property];
  if (field.pattern !== undefined) values.pattern = field.pattern;
  if (field.currency !== undefined) values.currency = field.currency;
  if (field.options) values.options = field.options.map((option) => ({ value: option.value, label: { ...option.label }, color: option.color }));
  if (field.relation) values.relation = { ...field.relation };
  if (field.autonumber) values.autonumber = field.autonumber.pattern;
  if (field.computed) values.resultType = field.computed.resultType;
  return values;
}

function helpOf(help: FieldValues['help']): LocalizedText | undefined {
  const zh = help?.['zh-CN']?.trim() ?? '';
  const en = help?.en?.trim() ?? '';
  if (!zh && !en) return undefined;
  // The schema wants both languages; a help written in one is shown in both until translated.
  return { 'zh-CN': zh || en, en: en || zh };
}

function relationOf(relation: Partial<Relation> | undefined): Relation {
  const kind = relation?.kind ?? 'many_to_one';
  return {
    kind, target: relation?.target ?? '',
    ...(kind === 'one_to_many' ? { inverse: relation?.inverse ?? '' } : {}),
    ...(kind === 'many_to_one' && relation?.onDelete ? { onDelete: relation.onDelete } : {}),
  };
}

function typedDefault(values: FieldValues): unknown {
  if (values.type === 'json') return values.defaultJson?.trim() ? JSON.parse(values.defaultJson) as unknown : undefined;
  const value = values.default;
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return undefined;
  if (values.type === 'boolean') return value === 'true' || value === true;
  return value;
}

function setTyped(field: Field, values: FieldValues): void {
  for (const property of numberProperties) {
    const value = values[property];
    if (applies(property, field.type) && typeof value === 'number') field[property] = value;
  }
  if (applies('pattern', field.type) && values.pattern?.trim()) field.pattern = values.pattern.trim();
  if (applies('currency', field.type) && values.currency?.trim()) field.currency = values.currency.trim().toUpperCase();
  if (applies('options', field.type)) field.options = (values.options ?? []).map((option) => ({ value: option.value.trim(), label: { 'zh-CN': option.label['zh-CN'].trim(), en: option.label.en.trim() }, ...(option.color ? { color: option.color } : {}) }));
  if (field.type === 'relation') field.relation = relationOf(values.relation);
  if (field.type === 'autonumber') field.autonumber = { pattern: values.autonumber?.trim() ?? '' };
}

/**
 * The field the drawer's values describe, with only what its type accepts (a property left from
 * another type is dropped). `previous` keeps what the drawer does not edit: a computed expression.
 */
export function valuesToField(values: FieldValues, id: string, previous?: Field): Field {
  const field: Field = { id, name: values.name.trim(), type: values.type, label: { 'zh-CN': values.label['zh-CN'].trim(), en: values.label.en.trim() } };
  const help = helpOf(values.help);
  if (help) field.help = help;
  setTyped(field, values);
  if (values.type === 'computed') {
    const expression = previous?.computed?.expression;
    field.computed = { resultType: values.resultType ?? 'text', ...(expression !== undefined ? { expression } : {}) };
  }
  const encrypted = values.encrypted === true && values.personal === true && encryptableTypes.includes(field.type);
  if (values.required && canBeRequired(field)) field.required = true;
  // The database never compares ciphertexts: an encrypted field is neither unique nor indexed.
  if (values.unique && applies('unique', field.type) && !encrypted) field.unique = true;
  if (values.indexed && hasColumn(field) && !encrypted) field.indexed = true;
  if (values.personal) field.personal = true;
  if (encrypted) field.encrypted = true;
  const value = canHaveDefault(field) ? typedDefault(values) : undefined;
  if (value !== undefined) field.default = value;
  return field;
}

/** A new field's id: its name, unless a field (present or archived) has it, whose data it must not take. */
export function newFieldId(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  let suffix = 2;
  while (taken.has(`${name}_${suffix}`)) suffix += 1;
  return `${name}_${suffix}`;
}
