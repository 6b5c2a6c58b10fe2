import type { ObjectAccess } from '../../access/index.js';
import type { DataContext } from '../../data/index.js';
import { ajvErrorsToFieldErrors, documentValidator, isReadOnly, type Field, type FieldSource, type ImportMapping } from '../../documents/index.js';
import { fieldError, TesseraError, type FieldError } from '../../errors/index.js';
import { standardizeAddress, type ChineseAddress } from '../clean/standardize-address.js';
import { splitName } from '../clean/split-name.js';
import { valueConverter, type ValueConverter } from './convert-value.js';

/** A row turned into a record, with what could not be converted (pointers /<field>). */
export interface MappedRow {
  record: Record<string, unknown>;
  errors: FieldError[];
}

/** A mapping checked against the object, the role and the file's header, ready to map rows. */
export interface CompiledMapping {
  mapping: ImportMapping;
  /** Fields the mapping writes. */
  fields: string[];
  mapRow(cells: readonly string[]): MappedRow;
}

interface FieldPlan {
  name: string;
  columns: number[];
  source: FieldSource;
  convert: ValueConverter;
}

const addressParts = new Set(['province', 'city', 'district', 'street']);
/** Fields standardised together as one address when cleaning addresses (the templates' names). */
const divisionFields = ['province', 'city', 'district'] as const;

function sourceText(plan: FieldPlan, cells: readonly string[], addresses: Map<string, ChineseAddress>): string {
  const texts = plan.columns.map((column) => cells[column] ?? '').filter((text) => text.trim() !== '');
  const text = texts.join(plan.source.join ?? ' ');
  const part = plan.source.part;
  if (!part || text === '') return text;
  if (part === 'family_name' || part === 'given_name') return splitName(text)[part === 'family_name' ? 'family' : 'given'];
  let address = addresses.get(text);
  if (!address) {
    address = standardizeAddress(text);
    addresses.set(text, address);
  }
  return (addressParts.has(part) ? address[part as keyof ChineseAddress] : undefined) ?? '';
}

function checkField(access: ObjectAccess, lookupTarget: (object: string) => ObjectAccess | undefined, name: string, source: FieldSource, headers: string[]): { field?: Field; columns: number[]; errors: FieldError[] } {
  const pointer = `/fields/${name}`;
  const field = access.object.fields.get(name);
  // A field the role cannot see is reported as unknown: the error must not reveal that it exists.
  if (!field || !access.readable.has(name)) return { columns: [], errors: [fieldError(pointer, 'unknown_field')] };
  if (isReadOnly(field) || !access.writable.has(name)) return { columns: [], errors: [fieldError(pointer, 'read_only')] };
  if (field.relation && field.relation.kind !== 'many_to_one') return { columns: [], errors: [fieldError(pointer, 'not_importable', { type: field.relation.kind })] };
  if (source.lookup !== undefined) {
    const target = field.relation?.kind === 'many_to_one' ? access.object.fields.get(name)!.relation!.target : undefined;
    // The related object and its field as the role sees them: a hidden one reads as unknown.
    const readable = target === undefined ? undefined : lookupTarget(target);
    if (!field.relation) return { columns: [], errors: [fieldError(`${pointer}/lookup`, 'not_applicable', { type: field.type })] };
    if (!readable?.readable.has(source.lookup)) return { columns: [], errors: [fieldError(`${pointer}/lookup`, 'unknown_reference', { name: source.lookup.slice(0, 63) })] };
  }
  const from = source.from === undefined ? [] : Array.isArray(source.from) ? source.from : [source.from];
  if (from.length === 0 && source.default === undefined) return { columns: [], errors: [fieldError(pointer, 'no_source')] };
  const errors: FieldError[] = [];
  const columns = from.map((header) => {
    const column = headers.indexOf(header);
    if (column < 0) errors.push(fieldError(`${pointer}/from`, 'unknown_column', { name: header.slice(0, 100) }));
    return column;
  });
  return { field, columns, errors };
}

function standardizeDivisions(record: Record<string, unknown>, present: string[]): void {
  const given = present.map((name) => record[name]).filter((value): value is string => typeof value === 'string');
  if (given.length === 0) return;
  const address = standardizeAddress(given.join(''));
  for (const name of present) {
    const value = address[name as keyof ChineseAddress];
    if (value) record[name] = value;
  }
}

/** The newest and source_priority rules need what they compare: a mapped date field, a mapped source field and the sources' order. */
function survivorshipErrors(access: ObjectAccess, mapping: ImportMapping): FieldError[] {
  const match = mapping.match ?? {};
  const errors: FieldError[] = [];
  if (match.newestBy !== undefined) {
    const type = access.object.fields.get(match.newestBy)?.type;
    if (!Object.hasOwn(mapping.fields, match.newestBy)) errors.push(fieldError('/match/newestBy', 'not_mapped', { name: match.newestBy }));
    else if (type !== 'date' && type !== 'datetime') errors.push(fieldError('/match/newestBy', 'type', { expected: 'date' }));
  }
  const bySource = Object.values(match.merge ?? {}).includes('source_priority');
  if (match.sourceField !== undefined && !Object.hasOwn(mapping.fields, match.sourceField)) errors.push(fieldError('/match/sourceField', 'not_mapped', { name: match.sourceField }));
  if (bySource && match.sourceField === undefined) errors.push(fieldError('/match/sourceField', 'required'));
  if (bySource && match.sourcePriority === undefined) errors.push(fieldError('/match/sourcePriority', 'required'));
  return errors;
}

/** A fuzzy rule's fields must all come from the file, and its review band must sit below its threshold. */
function fuzzyRuleErrors(mapping: ImportMapping): FieldError[] {
  const fuzzy = mapping.match?.fuzzy;
  if (!fuzzy) return [];
  const errors: FieldError[] = [];
  for (const name of fuzzy.block) if (!Object.hasOwn(mapping.fields, name)) errors.push(fieldError('/match/fuzzy/block', 'not_mapped', { name }));
  for (const name of Object.keys(fuzzy.compare)) if (!Object.hasOwn(mapping.fields, name)) errors.push(fieldError(`/match/fuzzy/compare/${name}`, 'not_mapped', { name }));
  if (fuzzy.review !== undefined && fuzzy.threshold !== undefined && fuzzy.review > fuzzy.threshold) errors.push(fieldError('/match/fuzzy/review', 'review_above_threshold', { review: fuzzy.review, threshold: fuzzy.threshold }));
  return errors;
}

/**
 * Checks a mapping (its schema, then each field: known to the role, writable, its columns in the
 * header, a lookup's field readable on the related object (`lookupTarget`); match keys mapped) and compiles it. Throws IMPORT_BAD_MAPPING listing every problem, so
 * that a bad mapping is refused before a single row is read.
 */
export function compileMapping(access: ObjectAccess, given: unknown, headers: string[], timeZone: string, lookupTarget: (object: string) => ObjectAccess | undefined = () => undefined): CompiledMapping {
  const validate = documentValidator('import-mapping');
  if (!validate(given)) throw new TesseraError('IMPORT_BAD_MAPPING', { count: validate.errors!.length }, { errors: ajvErrorsToFieldErrors(validate.errors!) });
  const mapping = given as ImportMapping;
  const errors: FieldError[] = [];
  if (mapping.object !== undefined && mapping.object !== access.object.name) errors.push(fieldError('/object', 'other_object', { name: mapping.object }));
  const plans: FieldPlan[] = [];
  for (const [name, source] of Object.entries(mapping.fields)) {
    const checked = checkField(access, lookupTarget, name, source, headers);
    errors.push(...checked.errors);
    if (checked.field && checked.errors.length === 0) plans.push({ name, columns: checked.columns, source, convert: valueConverter(checked.field, source, mapping.clean ?? {}, timeZone) });
  }
  for (const [index, key] of (mapping.match?.on ?? []).entries()) {
    for (const name of key) if (!Object.hasOwn(mapping.fields, name)) errors.push(fieldError(`/match/on/${index}`, 'not_mapped', { name }));
  }
  errors.push(...fuzzyRuleErrors(mapping));
  errors.push(...survivorshipErrors(access, mapping));
  if (errors.length > 0) throw new TesseraError('IMPORT_BAD_MAPPING', { count: errors.length }, { errors });
  const divisions = mapping.clean?.addresses === false ? [] : divisionFields.filter((name) => plans.some((plan) => plan.name === name && !plan.source.part));
  return {
    mapping,
    fields: plans.map((plan) => plan.name),
    mapRow(cells) {
      const record: Record<string, unknown> = {};
      const rowErrors: FieldError[] = [];
      const addresses = new Map<string, ChineseAddress>();
      for (const plan of plans) {
        const text = sourceText(plan, cells, addresses);
        if (text.trim() === '') {
          if (plan.source.default !== undefined) record[plan.name] = plan.source.default;
          continue;
        }
        const converted = plan.convert(text);
        if ('value' in converted) record[plan.name] = converted.value;
        else rowErrors.push(fieldError(`/${plan.name}`, converted.error, { value: text.length > 60 ? `${text.slice(0, 60)}…` : text }));
      }
      if (divisions.length > 0) standardizeDivisions(record, divisions);
      return { record, errors: rowErrors };
    },
  };
}

/** compileMapping in a data context: the workspace's time zone, related objects as the context's role sees them. */
export function compileMappingIn(context: DataContext, access: ObjectAccess, given: unknown, headers: string[]): CompiledMapping {
  return compileMapping(access, given, headers, context.model.blueprint.timezone ?? 'Asia/Shanghai', (object) => context.access.visible(object));
}

/** The title field of an object, if the context's role may read it (a relation column of names is looked up by it). */
export function readableTitleField(context: DataContext, object: string): string | undefined {
  const access = context.access.visible(object);
  const title = access?.object.definition.titleField;
  return title !== undefined && access?.readable.has(title) ? title : undefined;
}
