import type { TFunction } from 'i18next';
import type { PlanStep } from '../api/blueprint.js';
import { localized } from '../i18n/formatters.js';
import type { Locale } from '../i18n/locales.js';
import type { Names } from './blueprint-names.js';
import { fieldChanges } from './field-changes.js';

/** Kinds that may come without the field they serve; then worded by the object alone. */
const joinKinds = new Set(['rename_join_table', 'create_join_table', 'drop_foreign_key', 'add_foreign_key', 'create_sequence']);

/** The server also sends whether an index step's index is unique, which the studio's PlanStep leaves out. */
type StepDetails = PlanStep & { unique?: boolean };

/** Kinds worded by their own message with the object's and field's labels and the from/to names. */
const plainKinds = new Set(['create_object', 'rename_object', 'archive_object', 'restore_object', 'add_field', 'rename_field', 'archive_field', 'restore_field', 'alter_field', 'encrypt_field', 'decrypt_field', 'rename_join_table', 'create_join_table', 'drop_foreign_key', 'add_foreign_key', 'create_sequence']);

function objectLabel(step: PlanStep, names: Names, locale: Locale): string {
  return step.definition ? localized(step.definition.label, locale, step.object) : names.object(step.object);
}

function fieldLabel(step: PlanStep, names: Names, locale: Locale): string {
  const field = step.after ?? step.before;
  if (field) return localized(field.label, locale, field.name);
  return step.field ? names.field(step.object, step.field) : '';
}

function indexKey(step: StepDetails): string {
  const base = step.kind === 'drop_index' ? 'drop_index' : step.unique ? 'create_unique_index' : 'create_index';
  return step.field ? `${base}_field` : base;
}

function alterText(step: PlanStep, params: Record<string, string>, t: TFunction): string {
  const changes = step.before && step.after ? fieldChanges(step.before, step.after, t) : [];
  if (changes.length === 0) return t('build.step.alter_field_plain', params);
  return t('build.step.alter_field', { ...params, changes: changes.join(t('build.changes.separator')) });
}

/** One plan step in words in the current language, naming objects and fields by their labels. */
export function stepText(step: PlanStep, t: TFunction, names: Names, locale: Locale): string {
  const params: Record<string, string> = { object: objectLabel(step, names, locale), field: fieldLabel(step, names, locale), from: step.from ?? '', to: step.to ?? '' };
  switch (step.kind) {
    case 'alter_field': return alterText(step, params, t);
    case 'encrypt_field':
    case 'decrypt_field':
      return step.rows === undefined ? t(`build.step.${step.kind}`, params) : t(`build.step.${step.kind}_rows`, { ...params, rows: step.rows });
    case 'drop_index':
    case 'create_index':
      return t(`build.step.${indexKey(step)}`, params);
    default:
      if (!plainKinds.has(step.kind)) return t('build.step.other', { ...params, kind: step.kind });
      // Join tables, foreign keys and sequences may come without the field they serve.
      return t(`build.step.${step.kind}${params.field === '' && joinKinds.has(step.kind) ? '_plain' : ''}`, params);
  }
}
