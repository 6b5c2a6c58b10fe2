import type { Filter, FilterCondition, ObjectDefinition } from './generated-types.js';
import { fieldError, type FieldError } from '../errors/index.js';
import { operatorsForKind } from './field-types.js';
import { resolveFieldPath, type ResolvedPath } from './field-path.js';
import { conditionValueValidator } from './condition-value.js';
import { ajvErrorsToFieldErrors } from './ajv-errors.js';

const maxListLength = 1000;

/** Operators an encrypted field answers, through its blind index (data/encrypted-condition.ts). */
export const encryptedOperators: ReadonlySet<FilterCondition['op']> = new Set<FilterCondition['op']>(['eq', 'ne', 'in', 'nin', 'is_null']);

function checkValue(condition: FilterCondition, resolved: ResolvedPath, at: string): FieldError[] {
  const { op, value } = condition;
  if (op === 'is_null') return typeof value === 'boolean' || value === undefined ? [] : [fieldError(`${at}/value`, 'type', { expected: 'boolean' })];
  if (op === 'in' || op === 'nin' || op === 'between') {
    const wanted = op === 'between' ? 2 : undefined;
    if (!Array.isArray(value) || value.length === 0 || value.length > maxListLength || (wanted !== undefined && value.length !== wanted)) {
      return [fieldError(`${at}/value`, 'type', { expected: op === 'between' ? 'array of 2' : `array of 1 to ${maxListLength}` })];
    }
    return value.flatMap((item, index) => checkScalar(item, op, resolved, `${at}/value/${index}`));
  }
  return checkScalar(value, op, resolved, `${at}/value`);
}

function checkScalar(value: unknown, op: FilterCondition['op'], resolved: ResolvedPath, at: string): FieldError[] {
  const validate = conditionValueValidator(resolved, op);
  return validate(value) ? [] : ajvErrorsToFieldErrors(validate.errors, at);
}

function checkCondition(condition: FilterCondition, objectName: string, objects: ReadonlyMap<string, ObjectDefinition>, at: string): FieldError[] {
  const resolved = resolveFieldPath(condition.field, objectName, objects);
  if (!resolved) return [fieldError(`${at}/field`, 'unknown_reference', { name: condition.field })];
  if (!operatorsForKind(resolved.kind).includes(condition.op)) return [fieldError(`${at}/op`, 'not_applicable', { type: resolved.kind })];
  // Any other comparison of an encrypted value would need it in clear in the database.
  if (resolved.field?.encrypted === true && !encryptedOperators.has(condition.op)) return [fieldError(`${at}/op`, 'encrypted_not_indexable', { keyword: condition.op })];
  return checkValue(condition, resolved, at);
}

/**
 * Checks a filter (already valid against filter.schema.json) against the objects it names: every
 * path resolves, every operator is allowed for its field type (and an encrypted field's), every
 * value fits its field. Used for API filters, saved views and role row rules alike.
 */
export function checkFilterReferences(filter: Filter, objectName: string, objects: ReadonlyMap<string, ObjectDefinition>, at: string): FieldError[] {
  if ('and' in filter) return filter.and.flatMap((part, index) => checkFilterReferences(part, objectName, objects, `${at}/and/${index}`));
  if ('or' in filter) return filter.or.flatMap((part, index) => checkFilterReferences(part, objectName, objects, `${at}/or/${index}`));
  if ('not' in filter) return checkFilterReferences(filter.not, objectName, objects, `${at}/not`);
  return checkCondition(filter, objectName, objects, at);
}
