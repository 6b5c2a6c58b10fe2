import type { TFunction } from 'i18next';
import type { ModelField } from '../api/workspace-model.js';
import type { Formatters } from '../i18n/formatters.js';

const numeric = new Set(['integer', 'decimal', 'money', 'percent']);

function asNumber(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
}

function optionLabel(field: ModelField, value: unknown, format: Formatters): string {
  const option = field.options?.find((candidate) => candidate.value === value);
  return option ? format.label(option.label, String(value)) : String(value);
}

/**
 * A record value as plain text for a table cell, in the current language: numbers, money and
 * dates through Intl, options by their label. Never HTML: the caller renders it as a text node.
 */
export function displayValue(field: ModelField, value: unknown, format: Formatters, t: TFunction): string {
  if (value === null || value === undefined) return '';
  if (field.type === 'boolean' && typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (field.type === 'date' && typeof value === 'string') return format.date(value);
  if (field.type === 'datetime' && typeof value === 'string') return format.dateTime(value);
  if (field.type === 'single_select') return optionLabel(field, value, format);
  if (field.type === 'multi_select' && Array.isArray(value)) return value.map((item) => optionLabel(field, item, format)).join(', ');
  if (numeric.has(field.type)) {
    const number = asNumber(value);
    if (number !== undefined) {
      if (field.type === 'money' && field.currency) return format.number(number, { style: 'currency', currency: field.currency });
      return format.number(number);
    }
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The fields worth a table column: scalar ones, the first eight. */
export function tableFields(fields: ModelField[]): ModelField[] {
  return fields.filter((field) => !['relation', 'json', 'long_text'].includes(field.type)).slice(0, 8);
}
