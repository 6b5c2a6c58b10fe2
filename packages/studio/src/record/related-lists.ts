import type { ModelField, ModelObject, WorkspaceModel } from '../api/workspace-model.js';

/** Records of another object pointing at a record through one of their many-to-one fields. */
export interface RelatedList {
  /** Unique per record page: `<object>.<field>`. */
  key: string;
  object: ModelObject;
  /** The many-to-one field of `object` that points at the record. */
  field: ModelField;
  /** The record object's one-to-many field reading this list, when the blueprint declares one (its label names the list best). */
  inverse?: ModelField;
  /** Whether `object` points at the record through more than one field (the title then names the field). */
  shared: boolean;
}

function pointsAt(field: ModelField, target: string): boolean {
  return field.type === 'relation' && field.relation?.kind === 'many_to_one' && field.relation.target === target;
}

/**
 * Every list of records pointing at a record of `objectName`, from what the caller may see: a
 * many-to-one field on a visible object (a list filters on it). Many-to-many links from other
 * objects are left out: the list API cannot filter on them. Lists the blueprint names with a
 * one-to-many field come first, in that field order; the rest follow the model's order.
 */
export function relatedLists(model: WorkspaceModel, objectName: string): RelatedList[] {
  const self = model.objects.find((object) => object.name === objectName);
  if (!self) return [];
  const inverses = self.fields.filter((field) => field.type === 'relation' && field.relation?.kind === 'one_to_many');
  const found = model.objects.flatMap((object) => {
    const fields = object.fields.filter((field) => pointsAt(field, objectName));
    return fields.map((field): RelatedList => {
      const inverse = inverses.find((candidate) => candidate.relation?.target === object.name && candidate.relation.inverse === field.name);
      return { key: `${object.name}.${field.name}`, object, field, ...(inverse ? { inverse } : {}), shared: fields.length > 1 };
    });
  });
  const rank = (list: RelatedList) => (list.inverse ? inverses.indexOf(list.inverse) : inverses.length);
  // Array.prototype.sort is stable: lists of equal rank keep the model's order.
  return found.sort((a, b) => rank(a) - rank(b));
}
