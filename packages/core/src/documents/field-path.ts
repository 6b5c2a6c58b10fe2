import type { Field, ObjectDefinition } from './generated-types.js';
import { valueKindOf, type ValueKind } from './field-types.js';

const systemColumnKinds: Record<string, ValueKind> = {
  id: 'uuid', created_at: 'datetime', updated_at: 'datetime', deleted_at: 'datetime', version: 'integer', created_by: 'text', updated_by: 'text', owner_id: 'text',
};

/** One many_to_one hop of a path such as `customer.city`. */
export interface PathHop {
  from: string;
  field: Field;
  to: string;
}

/** Where a field path ends: a field (or system column) of some object, after zero or more hops. */
export interface ResolvedPath {
  hops: PathHop[];
  objectName: string;
  column: string;
  kind: ValueKind;
  field?: Field;
}

/**
 * Resolves `a.b.c` from an object across many_to_one relations to a column. Returns undefined when
 * a segment is unknown or crosses anything but a many_to_one.
 */
export function resolveFieldPath(path: string, objectName: string, objects: ReadonlyMap<string, ObjectDefinition>): ResolvedPath | undefined {
  const segments = path.split('.');
  const hops: PathHop[] = [];
  let current = objects.get(objectName);
  for (const [index, segment] of segments.entries()) {
    if (!current) return undefined;
    const last = index === segments.length - 1;
    const field = current.fields.find((candidate) => candidate.name === segment);
    if (last) {
      if (Object.hasOwn(systemColumnKinds, segment)) return { hops, objectName: current.name, column: segment, kind: systemColumnKinds[segment]! };
      if (!field || valueKindOf(field) === 'uuid_list') return undefined;
      return { hops, objectName: current.name, column: field.name, kind: valueKindOf(field), field };
    }
    if (field?.relation?.kind !== 'many_to_one') return undefined;
    hops.push({ from: current.name, field, to: field.relation.target });
    current = objects.get(field.relation.target);
  }
  return undefined;
}
