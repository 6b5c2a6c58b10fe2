import type { CountryCode } from 'libphonenumber-js';
import type { Cleaning, Field, FieldSource } from '../../documents/index.js';
import type { FieldErrorCode } from '../../errors/index.js';
import { normalizeEmail } from '../clean/normalize-email.js';
import { normalizePhone } from '../clean/normalize-phone.js';
import { normalizeLongText, normalizeText } from '../clean/normalize-text.js';
import { isoDate, isoInstant, parseDateParts } from '../clean/parse-date.js';

/** A converted value, or why the text could not become one. */
export type Converted = { value: unknown } | { error: FieldErrorCode };

/** Turns the text of a cell into a value of one field. */
export type ValueConverter = (text: string) => Converted;

/** Compares texts of options and value maps: width, case and surrounding spaces ignored. */
export const lookupKey = (text: string) => text.normalize('NFKC').trim().toLowerCase();

const truthy = new Set(['1', 'true', 'yes', 'y', 't', '是', '对', '有', '√', '✓', 'on']);
const falsy = new Set(['0', 'false', 'no', 'n', 'f', '否', '错', '无', '×', '✗', 'off']);
const listSeparators = /[,，;；、|/\n]/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A number as people write it: full-width digits, thousands separators, currency signs, a trailing %. */
function numberText(text: string): string | undefined {
  const value = text.normalize('NFKC').trim().replace(/^[¥￥$€£]|元$/g, '').replace(/[,\s]/g, '');
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(value) ? value : undefined;
}

function optionLookup(field: Field, source: FieldSource): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const option of field.options ?? []) {
    for (const text of [option.value, option.label['zh-CN'], option.label.en]) lookup.set(lookupKey(text), option.value);
  }
  for (const [text, value] of Object.entries(source.values ?? {})) lookup.set(lookupKey(text), String(value));
  return lookup;
}

function textConverter(field: Field, clean: Cleaning, country: CountryCode): ValueConverter {
  if (field.type === 'phone' && clean.phones !== false) return (text) => {
    const value = normalizePhone(text, country);
    return value === undefined ? { error: 'not_phone' } : { value };
  };
  if (field.type === 'email' && clean.emails !== false) return (text) => {
    const value = normalizeEmail(text);
    return value === undefined ? { error: 'not_email' } : { value };
  };
  if (clean.text === false) return (text) => ({ value: text });
  return field.type === 'long_text' ? (text) => ({ value: normalizeLongText(text) }) : (text) => ({ value: normalizeText(text) });
}

function numberConverter(field: Field): ValueConverter {
  return (text) => {
    const value = numberText(text);
    if (value === undefined) return { error: 'not_number' };
    const digits = value.endsWith('%') ? value.slice(0, -1) : value;
    if (field.type === 'integer') return { value: Number(digits) };
    // A percent field holds the number of percent: 12% and 12 are both 12.
    if (field.type === 'percent') return { value: Number(digits) };
    return { value: digits };
  };
}

/**
 * The converter of one field: cleaning (phones to E.164, emails, text widths and spaces) and
 * reading (numbers, yes/no, dates in the workspace's time zone, options by value or label, lists
 * of options, related record ids). The record validator still checks the result afterwards.
 */
export function valueConverter(field: Field, source: FieldSource, clean: Cleaning, timeZone: string): ValueConverter {
  const country = (clean.defaultCountry ?? 'CN') as CountryCode;
  const values = source.values ? new Map(Object.entries(source.values).map(([text, value]) => [lookupKey(text), value])) : undefined;
  const convert = baseConverter(field, source, clean, country, timeZone);
  if (!values || field.type === 'single_select' || field.type === 'multi_select') return convert;
  return (text) => {
    const mapped = values.get(lookupKey(text));
    return mapped === undefined ? convert(text) : { value: mapped };
  };
}

function baseConverter(field: Field, source: FieldSource, clean: Cleaning, country: CountryCode, timeZone: string): ValueConverter {
  switch (field.type) {
    case 'integer': case 'decimal': case 'money': case 'percent': return numberConverter(field);
    case 'boolean': return (text) => {
      const key = lookupKey(text);
      return truthy.has(key) ? { value: true } : falsy.has(key) ? { value: false } : { error: 'not_boolean' };
    };
    case 'date': return (text) => {
      const parts = parseDateParts(text, source.dateOrder);
      return parts ? { value: isoDate(parts) } : { error: 'not_date' };
    };
    case 'datetime': return (text) => {
      const parts = parseDateParts(text, source.dateOrder);
      return parts ? { value: isoInstant(parts, timeZone) } : { error: 'not_date' };
    };
    case 'single_select': {
      const lookup = optionLookup(field, source);
      return (text) => {
        const value = lookup.get(lookupKey(text));
        return value === undefined ? { error: 'not_option' } : { value };
      };
    }
    case 'multi_select': {
      const lookup = optionLookup(field, source);
      return (text) => {
        const parts = text.split(listSeparators).map((part) => part.trim()).filter((part) => part !== '');
        const found = parts.map((part) => lookup.get(lookupKey(part)));
        return found.includes(undefined) ? { error: 'not_option' } : { value: [...new Set(found as string[])] };
      };
    }
    case 'json': return (text) => {
      try {
        return { value: JSON.parse(text) as unknown };
      } catch {
        return { error: 'not_json' };
      }
    };
    // With `lookup`, the text names the record and is resolved per batch (resolve-lookups.ts); else it is its id.
    case 'relation': return source.lookup ? (text) => ({ value: normalizeText(text) }) : (text) => (uuid.test(text.trim()) ? { value: text.trim().toLowerCase() } : { error: 'not_reference' });
    default: return textConverter(field, clean, country);
  }
}
