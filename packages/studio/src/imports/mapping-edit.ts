import { isComplete } from '../duplicates/fuzzy-rule.js';
import type { FieldSource, ImportMapping } from './import-types.js';

const sources = (source: FieldSource): string[] => (source.from === undefined ? [] : Array.isArray(source.from) ? source.from : [source.from]);

/** The fields a column feeds, the plain one first, then the parts (province, city… of an address). */
export function fieldsOfColumn(mapping: ImportMapping, header: string): string[] {
  return Object.entries(mapping.fields).filter(([, source]) => sources(source).includes(header))
    .sort(([, a], [, b]) => Number(a.part !== undefined) - Number(b.part !== undefined)).map(([field]) => field);
}

/** Match keys, and likeness fields, that still name only mapped fields; a likeness rule left without a block or a compared field is dropped. */
function keepKeys(mapping: ImportMapping): ImportMapping {
  const match = mapping.match;
  if (!match?.on && !match?.fuzzy) return mapping;
  const mapped = (field: string) => field in mapping.fields;
  const { fuzzy, ...rest } = match;
  const kept = fuzzy && { ...fuzzy, block: fuzzy.block.filter(mapped), compare: Object.fromEntries(Object.entries(fuzzy.compare).filter(([field]) => mapped(field))) };
  return {
    ...mapping,
    match: {
      ...rest,
      ...(match.on ? { on: match.on.filter((key) => key.every(mapped)) } : {}),
      ...(kept && isComplete(kept) ? { fuzzy: kept } : {}),
    },
  };
}

/**
 * Makes a column feed `field` as a whole (or nothing): the column's other whole-value field is
 * unmapped, and the field stops coming from any other column. Parts taken from the column stay.
 */
export function assignColumn(mapping: ImportMapping, header: string, field: string | undefined): ImportMapping {
  const fields: Record<string, FieldSource> = {};
  for (const [name, source] of Object.entries(mapping.fields)) {
    if (name === field) continue;
    if (source.part === undefined && sources(source).length === 1 && sources(source)[0] === header) continue;
    fields[name] = source;
  }
  if (field !== undefined) fields[field] = { from: header };
  return keepKeys({ ...mapping, fields });
}

/** Unmaps one field. */
export function removeField(mapping: ImportMapping, field: string): ImportMapping {
  const { [field]: _removed, ...fields } = mapping.fields;
  return keepKeys({ ...mapping, fields });
}

/** Changes one field's source options (date order, part…); undefined values are dropped. */
export function updateSource(mapping: ImportMapping, field: string, patch: Partial<FieldSource>): ImportMapping {
  const merged = { ...mapping.fields[field], ...patch };
  const source = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as FieldSource;
  return { ...mapping, fields: { ...mapping.fields, [field]: source } };
}

/** Whether the source_priority rule has what it compares (the settings show it when not). */
export function sourcePriorityReady(match: NonNullable<ImportMapping['match']>): boolean {
  return match.sourceField !== undefined && (match.sourcePriority?.length ?? 0) > 0;
}

/**
 * The mapping as sent to the server: rules still being written are left out — a likeness rule
 * without a block or a compared field, and source_priority merge rules before the source field and
 * the sources' order are set (those fields merge by the default, fill_empty, meanwhile).
 */
export function sendableMapping(mapping: ImportMapping): ImportMapping {
  if (!mapping.match) return mapping;
  let match = mapping.match;
  if (match.fuzzy && !isComplete(match.fuzzy)) {
    const { fuzzy: _draft, ...rest } = match;
    match = rest;
  }
  if (match.merge && !sourcePriorityReady(match)) match = { ...match, merge: Object.fromEntries(Object.entries(match.merge).filter(([, rule]) => rule !== 'source_priority')) };
  return match === mapping.match ? mapping : { ...mapping, match };
}

/** A mapping kept apart from a file (a template, saved on the server or downloaded) without the object it names: the wizard's object stands. */
export function withoutObject(mapping: ImportMapping): ImportMapping {
  const { object: _object, ...rest } = mapping;
  return rest;
}
