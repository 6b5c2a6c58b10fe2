import type { AccessPolicy, Capability } from '../access/index.js';
import type { FieldAccess, LocalizedText } from '../documents/index.js';

/** A field as the caller may use it. */
export interface VisibleField {
  label: LocalizedText;
  type: string;
  access: Exclude<FieldAccess, 'none'>;
  personal?: true;
}

/** What the studio shows a member: their role, capabilities, and the objects and fields they may use. */
export interface MyAccess {
  user: { id: string; label: string; platformAdmin: boolean };
  role: string;
  capabilities: Capability[];
  objects: Record<string, { label: LocalizedText; actions: string[]; fields: Record<string, VisibleField> }>;
}

/**
 * The caller's effective permissions in a workspace: the client-visible part of the blueprint,
 * stripped of what the role cannot see (hidden objects and fields are absent, not flagged).
 */
export function myAccess(access: AccessPolicy): MyAccess {
  const objects: MyAccess['objects'] = {};
  for (const object of access.visibleObjects()) {
    const fields: Record<string, VisibleField> = {};
    for (const field of object.object.definition.fields) {
      if (!object.readable.has(field.name)) continue;
      fields[field.name] = {
        label: field.label, type: field.type, access: object.writable.has(field.name) ? 'write' : 'read',
        ...(field.personal === true ? { personal: true as const } : {}),
      };
    }
    objects[object.object.name] = { label: object.object.definition.label, actions: [...object.actions], fields };
  }
  const principal = access.principal;
  return { user: { id: principal.userId, label: principal.label, platformAdmin: principal.platformAdmin }, role: access.roleName, capabilities: access.capabilities(), objects };
}
