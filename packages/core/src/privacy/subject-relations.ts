import type { BlueprintModel, Field, ObjectModel } from '../documents/index.js';

/** A relation field of some object, with that object. */
export interface RelationField {
  object: ObjectModel;
  field: Field;
}

/** How the records of a workspace connect to one object's records, as a data-subject request sees them. */
export interface SubjectRelations {
  /** many_to_one fields of any object (the subject's own included) that point at the subject's object: those records are the subject's. */
  pointingAt: RelationField[];
  /** The subject object's own many_to_one fields: what the subject points at. */
  pointsTo: Field[];
  /** The subject object's own many_to_many fields. */
  linksTo: Field[];
  /** many_to_many fields of any object that target the subject's object. */
  linkedFrom: RelationField[];
}

const cache = new WeakMap<ObjectModel, SubjectRelations>();

/** The relations of an object's records to the rest of the blueprint, worked out once per blueprint version. */
export function subjectRelations(model: BlueprintModel, objectName: string): SubjectRelations {
  const subject = model.objects.get(objectName)!;
  let found = cache.get(subject);
  if (!found) {
    const everyRelation = [...model.objects.values()].flatMap((object) => object.definition.fields
      .filter((field) => field.relation?.target === objectName)
      .map((field) => ({ object, field })));
    const own = subject.definition.fields;
    found = {
      pointingAt: everyRelation.filter(({ field }) => field.relation!.kind === 'many_to_one'),
      pointsTo: own.filter((field) => field.relation?.kind === 'many_to_one'),
      linksTo: own.filter((field) => field.relation?.kind === 'many_to_many'),
      linkedFrom: everyRelation.filter(({ field }) => field.relation!.kind === 'many_to_many'),
    };
    cache.set(subject, found);
  }
  return found;
}
