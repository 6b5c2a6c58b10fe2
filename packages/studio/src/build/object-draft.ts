import type { Blueprint, Field, ObjectDefinition } from '../api/documents.js';
import { removeFields } from './remove-from-blueprint.js';
import { renameFieldReferences } from './rename-in-blueprint.js';

/**
 * One unsaved edit of an object's fields. The draft keeps edits, not a copy of the blueprint, so
 * that after someone else applies a change the same edits replay on the new blueprint.
 */
export type DraftEdit =
  | { kind: 'add_field'; field: Field }
  | { kind: 'update_field'; id: string; field: Field }
  | { kind: 'archive_field'; id: string }
  | { kind: 'restore_field'; field: Field }
  | { kind: 'reorder'; ids: string[] }
  | { kind: 'title_field'; name: string | undefined };

function withObject(blueprint: Blueprint, objectId: string, change: (object: ObjectDefinition) => ObjectDefinition): Blueprint {
  return { ...blueprint, objects: blueprint.objects.map((object) => (object.id === objectId ? change(object) : object)) };
}

function updateField(blueprint: Blueprint, object: ObjectDefinition, id: string, field: Field): Blueprint {
  const before = object.fields.find((candidate) => candidate.id === id);
  if (!before) return blueprint;
  const renamed = renameFieldReferences(blueprint, object.name, before.name, field.name);
  return withObject(renamed, object.id, (current) => ({ ...current, fields: current.fields.map((candidate) => (candidate.id === id ? field : candidate)) }));
}

function reorder(object: ObjectDefinition, ids: string[]): ObjectDefinition {
  const rank = (field: Field) => { const at = ids.indexOf(field.id); return at === -1 ? ids.length : at; };
  return { ...object, fields: [...object.fields].sort((left, right) => rank(left) - rank(right)) };
}

function setTitle(object: ObjectDefinition, name: string | undefined): ObjectDefinition {
  const next = { ...object };
  if (name === undefined) delete next.titleField; else next.titleField = name;
  return next;
}

/** Applies one edit to the blueprint; an edit whose field is no longer there changes nothing. */
export function applyEdit(blueprint: Blueprint, objectId: string, edit: DraftEdit): Blueprint {
  const object = blueprint.objects.find((candidate) => candidate.id === objectId);
  if (!object) return blueprint;
  switch (edit.kind) {
    case 'add_field':
    case 'restore_field':
      return withObject(blueprint, objectId, (current) => ({ ...current, fields: [...current.fields, edit.field] }));
    case 'update_field':
      return updateField(blueprint, object, edit.id, edit.field);
    case 'archive_field': {
      const field = object.fields.find((candidate) => candidate.id === edit.id);
      return field ? removeFields(blueprint, [{ object: object.name, field: field.name }]).blueprint : blueprint;
    }
    case 'reorder':
      return withObject(blueprint, objectId, (current) => reorder(current, edit.ids));
    case 'title_field':
      return withObject(blueprint, objectId, (current) => setTitle(current, edit.name));
  }
}

/** The blueprint with every edit of the draft applied in order: what "Review and apply" proposes. */
export function applyDraft(blueprint: Blueprint, objectId: string, edits: readonly DraftEdit[]): Blueprint {
  return edits.reduce((current, edit) => applyEdit(current, objectId, edit), blueprint);
}
