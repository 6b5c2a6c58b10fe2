import { hasColumn, valueKindOf, type Field } from '../../src/documents/index.js';
import type { Conversion } from '../../src/schema/index.js';
import {
  canonicalValue, charLength, dateToDatetime, decimalShapeOf, fitsDecimalShape, localDate, multiValues, textLimit, type Cell,
} from './cells.js';
import type { Model, ModelObject } from './model.js';

/**
 * What applying a blueprint should do, from the documented rules alone: applied with these
 * values, or refused (a check left without an accepted conversion, or a conversion that leaves
 * values breaking another constraint), which must change nothing.
 */
export type Expectation =
  | { outcome: 'applied'; model: Model }
  | { outcome: 'refused'; reasons: string[] };

/** Conversions keyed by `objectId/fieldId`. */
export type ConversionsById = Map<string, Conversion>;

interface Check {
  rule: string;
  accepts: Conversion['onInvalid'][];
  /** Over the value before the type changes (constraint checks: over the value after it). */
  violates(value: Cell): boolean;
}

interface TypeRule {
  convert(raw: Cell): Cell;
  check?: Check;
}

/** A field's values after the change, or why the change is refused. */
interface Outcome {
  cells: Cell[];
  problems: string[];
}

const keep = (raw: Cell) => raw;

function storage(field: Field): string {
  const kind = valueKindOf(field);
  if (kind === 'text') return `text(${textLimit(field) ?? '*'})`;
  if (kind === 'decimal') return `decimal(${decimalShapeOf(field).precision},${decimalShapeOf(field).scale})`;
  return kind;
}

/** How values of one type become values of another, and which of them cannot. */
function typeRule(before: Field, after: Field): TypeRule | undefined {
  if (storage(before) === storage(after)) return undefined;
  const from = valueKindOf(before);
  const to = valueKindOf(after);
  if (to === 'text' && ['text', 'integer', 'select'].includes(from)) {
    const limit = textLimit(after);
    if (limit === undefined) return { convert: keep };
    return { convert: keep, check: { rule: 'max_length', accepts: ['set_null', 'set_value', 'truncate'], violates: (raw) => raw !== null && charLength(raw) > limit } };
  }
  if (to === 'decimal' && (from === 'integer' || from === 'decimal')) {
    const { precision, scale } = decimalShapeOf(after);
    return { convert: keep, check: { rule: 'type', accepts: ['set_null', 'set_value'], violates: (raw) => raw !== null && !fitsDecimalShape(raw, precision, scale) } };
  }
  if (to === 'integer' && from === 'decimal') {
    return { convert: keep, check: { rule: 'type', accepts: ['set_null', 'set_value'], violates: (raw) => raw !== null && (raw.includes('.') || Math.abs(Number(raw)) > Number.MAX_SAFE_INTEGER) } };
  }
  if (to === 'integer' && from === 'text') {
    const integer = /^\s*[-+]?[0-9]{1,15}\s*$/;
    return { convert: (raw) => (raw === null ? null : BigInt(raw.trim()).toString()), check: { rule: 'type', accepts: ['set_null', 'set_value'], violates: (raw) => raw !== null && !integer.test(raw) } };
  }
  if (to === 'integer' && from === 'boolean') return { convert: (raw) => (raw === null ? null : raw === 'true' ? '1' : '0') };
  if (to === 'datetime' && from === 'date') return { convert: (raw) => (raw === null ? null : dateToDatetime(raw)) };
  if (to === 'date' && from === 'datetime') {
    return { convert: (raw) => (raw === null ? null : localDate(raw).date), check: { rule: 'type', accepts: ['set_null', 'truncate'], violates: (raw) => raw !== null && !localDate(raw).midnight } };
  }
  if (to === 'multi_select' && from === 'select') {
    const allowed = new Set(after.options?.map((option) => option.value));
    return { convert: (raw) => (raw === null ? null : `{${raw}}`), check: { rule: 'options', accepts: ['set_null'], violates: (raw) => raw !== null && !allowed.has(raw) } };
  }
  throw new Error(`the model has no rule for ${before.type} → ${after.type}`);
}

/** Constraints that got tighter, over the value in its new type. */
function constraintChecks(before: Field, after: Field): Check[] {
  const checks: Check[] = [];
  if (after.required && !before.required) checks.push({ rule: 'required', accepts: ['set_value'], violates: (value) => value === null });
  const min = after.min !== undefined && after.min !== before.min ? after.min : undefined;
  const max = after.max !== undefined && after.max !== before.max ? after.max : undefined;
  if (min !== undefined || max !== undefined) {
    checks.push({ rule: 'range', accepts: ['set_null', 'set_value'], violates: (value) => value !== null && (Number(value) < (min ?? -Infinity) || Number(value) > (max ?? Infinity)) });
  }
  const kept = new Set(after.options?.map((option) => option.value));
  const removed = (before.options ?? []).some((option) => !kept.has(option.value));
  if (removed && valueKindOf(before) === valueKindOf(after)) {
    if (after.type === 'multi_select') checks.push({ rule: 'options', accepts: ['set_null'], violates: (value) => value !== null && multiValues(value).some((item) => !kept.has(item)) });
    else checks.push({ rule: 'options', accepts: ['set_null', 'set_value'], violates: (value) => value !== null && !kept.has(value) });
  }
  return checks;
}

function converted(raw: Cell, conversion: Conversion, before: Field, after: Field): Cell {
  if (conversion.onInvalid === 'set_null') return null;
  if (conversion.onInvalid === 'set_value') return canonicalValue(conversion.value, before);
  const limit = textLimit(after);
  return raw === null || valueKindOf(after) !== 'text' || limit === undefined ? raw : [...raw].slice(0, limit).join('');
}

/**
 * A kept field changing from one definition to another: every check counts its rows on the values
 * as they were; a check with violations needs a conversion it accepts, applied to its rows in turn.
 */
function changeField(name: string, before: Field, after: Field, cells: Cell[], conversion: Conversion | undefined): Outcome {
  const type = typeRule(before, after);
  const convert = type?.convert ?? keep;
  const typeCheck = type?.check;
  const guarded = constraintChecks(before, after).map((check): Check => ({
    ...check, violates: (raw) => !typeCheck?.violates(raw) && check.violates(convert(raw)),
  }));
  const checks = [...(typeCheck ? [typeCheck] : []), ...guarded];
  const outcome: Outcome = { cells: [...cells], problems: [] };
  for (const check of checks) {
    const violations = cells.filter((raw) => check.violates(raw)).length;
    if (violations === 0) continue;
    if (!conversion || !check.accepts.includes(conversion.onInvalid)) {
      outcome.problems.push(`${name}: ${violations} rows break ${check.rule}`);
      continue;
    }
    outcome.cells = outcome.cells.map((raw) => (check.violates(raw) ? converted(raw, conversion, before, after) : raw));
  }
  if (outcome.problems.length > 0) return outcome;
  outcome.cells = outcome.cells.map(convert);
  if (after.required && outcome.cells.includes(null)) outcome.problems.push(`${name}: the conversion leaves empty values in a required field`);
  return outcome;
}

/** A new field: the default fills existing rows; a required one without default needs a value. */
function addField(name: string, after: Field, rows: number, conversion: Conversion | undefined): Outcome {
  const fill = (cell: Cell): Outcome => ({ cells: Array<Cell>(rows).fill(cell), problems: [] });
  if (after.default !== undefined) return fill(canonicalValue(after.default, after));
  if (!after.required || rows === 0) return fill(null);
  if (conversion?.onInvalid === 'set_value') return fill(canonicalValue(conversion.value, after));
  return { ...fill(null), problems: [`${name}: ${rows} rows need a value`] };
}

interface Origin {
  before?: Field;
  cells: Cell[];
}

/** Where a field of the next blueprint comes from in the current state. */
function originOf(current: Model, objectId: string, fieldId: string): Origin {
  const object: ModelObject | undefined = current.objects.find((candidate) => candidate.id === objectId) ?? current.archivedObjects[objectId];
  const kept = object?.fields.find((field) => field.def.id === fieldId);
  if (kept) return { before: kept.def, cells: kept.cells };
  const archived = object?.archived[fieldId];
  // Archived columns lose NOT NULL: a restored field starts optional and may be made required again.
  if (archived) return { before: { ...archived.def, required: false }, cells: archived.cells };
  return { cells: [] };
}

function duplicates(cells: Cell[], deleted: boolean[]): number {
  const seen = new Set<string>();
  let count = 0;
  cells.forEach((cell, row) => {
    if (cell === null || deleted[row]) return;
    if (seen.has(cell)) count += 1;
    seen.add(cell);
  });
  return count;
}

/** The expected result of migrating from `current` to the blueprint of `next` with these conversions. */
export function predict(current: Model, next: Model, conversions: ConversionsById): Expectation {
  const model = structuredClone(next);
  const problems: string[] = [];
  for (const object of model.objects) {
    for (const field of object.fields.filter((candidate) => hasColumn(candidate.def))) {
      const name = `${object.name}.${field.def.name}`;
      const origin = originOf(current, object.id, field.def.id);
      const conversion = conversions.get(`${object.id}/${field.def.id}`);
      const outcome = origin.before
        ? changeField(name, origin.before, field.def, origin.cells, conversion)
        : addField(name, field.def, object.rowIds.length, conversion);
      field.cells = outcome.cells;
      problems.push(...outcome.problems);
      // Among live rows: a new unique index refuses them, an existing one refuses the conversion.
      const repeated = field.def.unique && outcome.problems.length === 0 ? duplicates(field.cells, object.deleted) : 0;
      if (repeated > 0) problems.push(`${name}: ${repeated} duplicate values`);
    }
  }
  if (problems.length > 0) return { outcome: 'refused', reasons: problems };
  model.version += 1;
  return { outcome: 'applied', model };
}
