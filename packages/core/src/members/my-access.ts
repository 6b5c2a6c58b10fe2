import type { AccessPolicy, Capability, ObjectAccess } from '../access/index.js';
import { isReadOnly, type Action, type Field, type Form, type LocalizedText, type View } from '../documents/index.js';
import { narrowForm, narrowView } from '../views/index.js';

/** The parts of a field's definition a client may see: no id, no default, no computed expression. */
const clientKeys = [
  'type', 'label', 'help', 'required', 'unique', 'options', 'relation', 'min', 'max', 'minLength', 'maxLength', 'pattern',
  'precision', 'scale', 'currency', 'autonumber',
] as const satisfies readonly (keyof Field)[];

/** A field as the caller may use it: its client-visible definition and the role's access to it. */
export type VisibleField = Pick<Field, (typeof clientKeys)[number]> & {
  computed?: { resultType: NonNullable<Field['computed']>['resultType'] };
  access: 'read' | 'write';
  personal?: true;
};

/** An object the caller may read: its labels, the actions the role grants, its readable fields in blueprint order. */
export interface VisibleObject {
  label: LocalizedText;
  help?: LocalizedText;
  titleField?: string;
  actions: Action[];
  fields: Record<string, VisibleField>;
}

/** What the studio shows a member: their role, capabilities, the objects and fields they may use, and the forms and views of those. */
export interface MyAccess {
  user: { id: string; label: string; platformAdmin: boolean };
  role: string;
  capabilities: Capability[];
  objects: Record<string, VisibleObject>;
  forms: Form[];
  views: View[];
}

function visibleField(field: Field, access: ObjectAccess): VisibleField {
  const visible: Record<string, unknown> = {};
  for (const key of clientKeys) if (field[key] !== undefined) visible[key] = field[key];
  // Engine-filled fields are never written by a client, whatever the role grants.
  const writable = access.writable.has(field.name) && !isReadOnly(field);
  return {
    ...visible as Pick<Field, (typeof clientKeys)[number]>,
    ...(field.computed ? { computed: { resultType: field.computed.resultType } } : {}),
    access: writable ? 'write' : 'read',
    ...(field.personal === true ? { personal: true as const } : {}),
  };
}

function visibleObject(access: ObjectAccess): VisibleObject {
  const definition = access.object.definition;
  const fields: Record<string, VisibleField> = {};
  for (const field of definition.fields) if (access.readable.has(field.name)) fields[field.name] = visibleField(field, access);
  return {
    label: definition.label,
    ...(definition.help ? { help: definition.help } : {}),
    ...(definition.titleField !== undefined && access.readable.has(definition.titleField) ? { titleField: definition.titleField } : {}),
    actions: [...access.actions],
    fields,
  };
}

/**
 * The caller's effective permissions in a workspace: the client-visible part of the blueprint,
 * stripped of what the role cannot see (hidden objects and fields are absent, not flagged), with
 * the forms and views of the objects it reads narrowed the same way.
 */
export function myAccess(access: AccessPolicy): MyAccess {
  const objects: MyAccess['objects'] = {};
  for (const object of access.visibleObjects()) objects[object.object.name] = visibleObject(object);
  const blueprint = access.model.blueprint;
  const forms = (blueprint.forms ?? []).map((form) => narrowForm(form, access)).filter((form): form is Form => form !== undefined);
  const views = (blueprint.views ?? []).map((view) => narrowView(view, access)).filter((view): view is View => view !== undefined);
  const principal = access.principal;
  return {
    user: { id: principal.userId, label: principal.label, platformAdmin: principal.platformAdmin },
    role: access.roleName, capabilities: access.capabilities(), objects, forms, views,
  };
}
