import type { Blueprint, LocalizedText, ObjectDefinition } from '../api/documents.js';
import { renameObject } from './rename-in-blueprint.js';

/** An API name of an object or field: what reaches SQL and the API. */
export const identifierPattern = /^[a-z][a-z0-9_]{0,62}$/;

/** Why an object's API name cannot be used: bad form, taken by another object, or the id of an archived one. */
export type NameProblem = 'rule' | 'taken' | 'archived';

/** Checks a new or changed object name; `self` is the id of the object being renamed. */
export function objectNameProblem(name: string, blueprint: Blueprint, archivedIds: readonly string[], self?: string): NameProblem | undefined {
  if (!identifierPattern.test(name)) return 'rule';
  if (blueprint.objects.some((object) => object.id !== self && (object.name === name || object.id === name))) return 'taken';
  // A new object's id is its name: an archived object with that id would come back with its old data.
  if (self === undefined && archivedIds.includes(name)) return 'archived';
  return undefined;
}

/** What the create dialog asks for. */
export interface NewObject {
  name: string;
  label: LocalizedText;
}

/** A new object: id = name, and a text field `name` to name its records. */
export function newObject(input: NewObject, nameLabel: LocalizedText): ObjectDefinition {
  return {
    id: input.name, name: input.name, label: input.label, titleField: 'name',
    fields: [{ id: 'name', name: 'name', type: 'text', label: nameLabel }],
  };
}

/** The blueprint with a new object at the end. */
export function addObject(blueprint: Blueprint, object: ObjectDefinition): Blueprint {
  return { ...blueprint, objects: [...blueprint.objects, object] };
}

/** Changes an object's labels and API name; its id stays, so its table and data are kept. */
export function relabelObject(blueprint: Blueprint, id: string, change: NewObject): Blueprint {
  const object = blueprint.objects.find((candidate) => candidate.id === id);
  if (!object) return blueprint;
  const renamed = renameObject(blueprint, object.name, change.name);
  return { ...renamed, objects: renamed.objects.map((candidate) => (candidate.id === id ? { ...candidate, label: change.label } : candidate)) };
}
