import type { ObjectAccess } from '../access/index.js';
import { conditionValueValidator, resolveFieldPath, valueKindOf, type Field, type Filter, type FilterCondition } from '../documents/index.js';
import { compileFilter, searchLookupValue, type DataContext } from '../data/index.js';
import { quoteIdent } from '../schema/index.js';

/**
 * One way a record can match: a condition over the row aliased `t`, the field it names, and its
 * rank (0 an exact value, 1 a prefix, 2 a part), so that the best matches come first.
 */
export interface SearchBranch {
  field: string;
  sql: string;
  bindings: unknown[];
  rank: number;
}

/** A text that may be a phone number: digits with the separators people type. */
const phoneLike = /^\+?[\d\s()-]{3,40}$/;

/** The object's title: its declared title field, else its first text field. */
export function titleFieldOf(access: ObjectAccess): Field | undefined {
  const definition = access.object.definition;
  const name = definition.titleField ?? definition.fields.find((field) => field.type === 'text')?.name;
  return name === undefined ? undefined : access.object.fields.get(name);
}

/** Compiles a filter over the row `t`: blind-index lookups for encrypted fields, LIKE wildcards of the text escaped. */
function compiled(context: DataContext, access: ObjectAccess, field: Field, filter: Filter, rank: number): SearchBranch {
  const { sql, bindings } = compileFilter(filter, access.object.name, context.model.definitions, context.schema, { keys: context.keys });
  return { field: field.name, sql, bindings, rank };
}

/**
 * A condition comparing the field with the text (or, for `in`, with the texts that may be one of
 * its values); undefined when no text can be one of the field's values (too long, not a phone
 * number…): such a condition matches nothing.
 */
function condition(context: DataContext, access: ObjectAccess, field: Field, op: FilterCondition['op'], value: string | string[], rank: number): SearchBranch | undefined {
  const resolved = resolveFieldPath(field.name, access.object.name, context.model.definitions)!;
  if (Array.isArray(value)) {
    const valid = value.filter((one) => conditionValueValidator(resolved, 'eq')(one));
    return valid.length === 0 ? undefined : compiled(context, access, field, { field: field.name, op, value: valid }, rank);
  }
  if (!conditionValueValidator(resolved, op)(value)) return undefined;
  return compiled(context, access, field, { field: field.name, op, value }, rank);
}

/** The forms a typed phone number may be stored in: as the list search normalises it, and as national digits. */
function phoneCandidates(text: string): string[] {
  const normalised = searchLookupValue('phone', text);
  const national = /^\+86(1[3-9]\d{9})$/.exec(normalised)?.[1];
  return [...new Set([normalised, text.replace(/[\s()-]/g, ''), ...(national ? [national] : [])])];
}

/** The title: prefixes, then other parts (two branches, so that parts never crowd prefixes out); a personal title only by its exact value. */
function titleBranches(context: DataContext, access: ObjectAccess, field: Field, text: string): (SearchBranch | undefined)[] {
  if (field.personal === true) return [condition(context, access, field, 'eq', text, 0)];
  if (valueKindOf(field) !== 'text' || !conditionValueValidator(resolveFieldPath(field.name, access.object.name, context.model.definitions)!, 'contains')(text)) return [];
  const prefix: Filter = { field: field.name, op: 'starts_with', value: text };
  return [compiled(context, access, field, prefix, 1), compiled(context, access, field, { and: [{ field: field.name, op: 'contains', value: text }, { not: prefix }] }, 2)];
}

/** Numbers such as order numbers (autonumber and unique text fields): the exact value, or a prefix. */
function numberBranches(context: DataContext, access: ObjectAccess, field: Field, text: string): (SearchBranch | undefined)[] {
  const exact = condition(context, access, field, 'eq', text, 0);
  if (field.personal === true) return [exact];
  return [exact, condition(context, access, field, 'starts_with', text, 1)];
}

/** An email is compared whole and without regard to case (through the blind index when encrypted). */
function emailBranch(context: DataContext, access: ObjectAccess, field: Field, text: string): SearchBranch | undefined {
  if (field.encrypted === true) return condition(context, access, field, 'eq', text, 0);
  return { field: field.name, sql: `lower(t.${quoteIdent(field.name)}) = ?`, bindings: [text.toLowerCase()], rank: 0 };
}

/**
 * The ways one object's records can match a search text, on the fields the caller may read only:
 * the title, phone numbers (exact, normalised), emails (exact, any case), autonumbers and unique
 * texts (exact or prefix). Personal fields match only by their exact value, as in list searches.
 */
export function searchBranches(context: DataContext, access: ObjectAccess, text: string): SearchBranch[] {
  const branches: (SearchBranch | undefined)[] = [];
  const title = titleFieldOf(access);
  if (title && access.readable.has(title.name)) branches.push(...titleBranches(context, access, title, text));
  for (const field of access.object.columnFields) {
    if (!access.readable.has(field.name) || field === title) continue;
    if (field.type === 'phone' && phoneLike.test(text)) branches.push(condition(context, access, field, 'in', phoneCandidates(text), 0));
    else if (field.type === 'email' && text.includes('@')) branches.push(emailBranch(context, access, field, text));
    else if (field.type === 'autonumber' || (field.type === 'text' && field.unique === true)) branches.push(...numberBranches(context, access, field, text));
  }
  return branches.filter((branch): branch is SearchBranch => branch !== undefined);
}
