import { maxTextLength, valueKindOf, type Field } from '../documents/index.js';
import type { StepCheck } from './plan-types.js';
import { sqlString } from './sql-identifiers.js';

type Check = Pick<StepCheck, 'rule' | 'predicate' | 'accepts'>;

function optionList(field: Field): string {
  return (field.options ?? []).map((option) => sqlString(option.value)).join(', ');
}

function changed<K extends keyof Field>(before: Field, after: Field, key: K): boolean {
  return after[key] !== undefined && JSON.stringify(before[key]) !== JSON.stringify(after[key]);
}

function textChecks(before: Field, after: Field, value: string): Check[] {
  const checks: Check[] = [];
  if (after.type === 'long_text' && maxTextLength(after) < maxTextLength(before)) {
    checks.push({ rule: 'max_length', predicate: `char_length(${value}) > ${maxTextLength(after)}`, accepts: ['set_null', 'set_value', 'truncate'] });
  }
  if (changed(before, after, 'minLength')) checks.push({ rule: 'max_length', predicate: `char_length(${value}) < ${after.minLength}`, accepts: ['set_null', 'set_value'] });
  if (changed(before, after, 'pattern')) checks.push({ rule: 'pattern', predicate: `${value} !~ ${sqlString(after.pattern!)}`, accepts: ['set_null', 'set_value'] });
  return checks;
}

function numberChecks(before: Field, after: Field, value: string): Check[] {
  const bounds: string[] = [];
  if (changed(before, after, 'min')) bounds.push(`${value} < ${Number(after.min)}`);
  if (changed(before, after, 'max')) bounds.push(`${value} > ${Number(after.max)}`);
  return bounds.length === 0 ? [] : [{ rule: 'range', predicate: `(${bounds.join(' OR ')})`, accepts: ['set_null', 'set_value'] }];
}

function optionChecks(before: Field, after: Field, value: string): Check[] {
  const kept = new Set((after.options ?? []).map((option) => option.value));
  const removed = (before.options ?? []).some((option) => !kept.has(option.value));
  if (!removed || valueKindOf(before) !== valueKindOf(after)) return [];
  if (valueKindOf(after) === 'multi_select') return [{ rule: 'options', predicate: `NOT (${value} <@ ARRAY[${optionList(after)}]::text[])`, accepts: ['set_null'] }];
  return [{ rule: 'options', predicate: `${value} NOT IN (${optionList(after)})`, accepts: ['set_null', 'set_value'] }];
}

/**
 * Checks for constraints that got tighter between two versions of a field. `value` is the SQL of
 * the field's value in its new type (the column, or the conversion of a retyped column).
 */
export function constraintChecks(before: Field, after: Field, value: string): Check[] {
  const checks: Check[] = [];
  if (after.required && !before.required) checks.push({ rule: 'required', predicate: `${value} IS NULL`, accepts: ['set_value'] });
  switch (valueKindOf(after)) {
    case 'text': checks.push(...textChecks(before, after, value)); break;
    case 'integer': case 'decimal': case 'percent': checks.push(...numberChecks(before, after, value)); break;
    case 'select': case 'multi_select': checks.push(...optionChecks(before, after, value)); break;
    default: break;
  }
  return checks;
}
