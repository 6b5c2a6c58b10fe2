import type { Blueprint, Field, ObjectDefinition } from './generated-types.js';
import { hasColumn } from './field-types.js';

/** One object of a blueprint with its fields indexed by name. */
export interface ObjectModel {
  definition: ObjectDefinition;
  name: string;
  fields: Map<string, Field>;
  /** Fields stored as columns of the object's own table, in document order. */
  columnFields: Field[];
}

/** A blueprint indexed for lookups by name (documents reference each other by name). */
export interface BlueprintModel {
  blueprint: Blueprint;
  objects: Map<string, ObjectModel>;
  definitions: Map<string, ObjectDefinition>;
}

/** Indexes a blueprint that has passed validation. */
export function modelBlueprint(blueprint: Blueprint): BlueprintModel {
  const objects = new Map<string, ObjectModel>();
  for (const definition of blueprint.objects) {
    const fields = new Map(definition.fields.map((field) => [field.name, field] as const));
    objects.set(definition.name, { definition, name: definition.name, fields, columnFields: definition.fields.filter(hasColumn) });
  }
  return { blueprint, objects, definitions: new Map(blueprint.objects.map((object) => [object.name, object] as const)) };
}

/** Name of the join table of a many_to_many field. */
export function joinTableName(objectName: string, fieldName: string): string {
  return `${objectName}__${fieldName}`;
}
