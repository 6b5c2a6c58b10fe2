import type { ModelObject } from '../api/workspace-model.js';
import type { Formatters } from '../i18n/formatters.js';
import type { DedupeRule } from './duplicate-types.js';
import type { FieldChoice } from './fuzzy-settings.js';

const matchable = new Set(['text', 'long_text', 'email', 'phone', 'url', 'date', 'integer', 'decimal', 'single_select']);

/** The fields of an object a duplicate rule may name (values a person would compare), with their labels. */
export function ruleFields(object: ModelObject, format: Formatters): FieldChoice[] {
  return object.fields.filter((field) => matchable.has(field.type)).map((field) => ({ value: field.name, label: format.label(field.label, field.name) }));
}

/** A rule in words: its exact keys, then its blocking and compared fields with their weights. */
export function ruleSummary(rule: DedupeRule, labelOf: (name: string) => string): { keys: string[]; block: string[]; compare: string[] } {
  return {
    keys: (rule.on ?? []).map((key) => key.map(labelOf).join(' + ')),
    block: (rule.fuzzy?.block ?? []).map(labelOf),
    compare: Object.entries(rule.fuzzy?.compare ?? {}).map(([name, weight]) => `${labelOf(name)} ×${weight}`),
  };
}
