import type { PointerError } from '../api/api-error.js';
import type { Blueprint } from '../api/documents.js';
import { pointerParts } from './pointer-words.js';

/**
 * The errors of a plan at the fields of one object, by field id, pointers made relative to the
 * field (/objects/3/fields/2/maxLength → /maxLength). Ids, not positions: the draft may have moved
 * fields since the blueprint was proposed.
 */
export function errorsByField(errors: readonly PointerError[], proposed: Blueprint | undefined, objectId: string): Map<string, PointerError[]> {
  const byField = new Map<string, PointerError[]>();
  if (!proposed) return byField;
  for (const error of errors) {
    const [objects, objectIndex, fields, fieldIndex] = pointerParts(error.pointer);
    if (objects !== 'objects' || fields !== 'fields') continue;
    const object = proposed.objects[Number(objectIndex)];
    const field = object?.fields[Number(fieldIndex)];
    if (object?.id !== objectId || !field) continue;
    const prefix = `/objects/${objectIndex}/fields/${fieldIndex}`;
    byField.set(field.id, [...(byField.get(field.id) ?? []), { ...error, pointer: error.pointer.slice(prefix.length) }]);
  }
  return byField;
}
