import { useQuery } from '@tanstack/react-query';
import { api, seg } from './client.js';
import type { Blueprint, Field, Form, LocalizedText, View } from './documents.js';
import { useSignedIn } from './session.js';
import { actions, capabilities, type Action, type Capability } from './types.js';

/** One field as the studio shows it: its definition (from the blueprint) and the caller's access to it. */
export type ModelField = Omit<Field, 'id' | 'default'> & {
  access: 'read' | 'write';
  personal: boolean;
};

/** One object the caller may see, with the actions their role grants on it. */
export interface ModelObject {
  name: string;
  label: LocalizedText;
  help?: LocalizedText;
  titleField?: string;
  actions: Action[];
  /** In the blueprint's order. */
  fields: ModelField[];
}

/** What the caller may do in a workspace, and the forms and shared views they may use. */
export interface WorkspaceModel {
  role: string;
  capabilities: Capability[];
  objects: ModelObject[];
  forms: Form[];
  views: View[];
}

type MeField = Omit<Field, 'id' | 'default' | 'name' | 'personal'> & { access: 'read' | 'write'; personal?: boolean };

/** GET /me: the blueprint narrowed to the caller's role (hidden objects and fields absent). */
interface MeAnswer {
  role: string;
  capabilities?: Capability[];
  objects: Record<string, { label: LocalizedText; help?: LocalizedText; titleField?: string; actions: Action[]; fields: Record<string, MeField> }>;
  forms?: Form[];
  views?: View[];
}

function modelField(field: Field, access: 'read' | 'write'): ModelField {
  const { id: _id, default: _default, ...rest } = field;
  return { ...rest, access, personal: field.personal === true };
}

async function fromBlueprint(slug: string, role: string): Promise<WorkspaceModel> {
  const { blueprint } = await api.get<{ blueprint: Blueprint }>(`/api/w/${seg(slug)}/blueprint`);
  return {
    role,
    capabilities: [...capabilities],
    objects: blueprint.objects.map((object) => ({
      name: object.name,
      label: object.label,
      ...(object.help ? { help: object.help } : {}),
      ...(object.titleField ? { titleField: object.titleField } : {}),
      actions: [...actions],
      fields: object.fields.map((field) => modelField(field, field.type === 'autonumber' || field.type === 'computed' ? 'read' : 'write')),
    })),
    forms: blueprint.forms ?? [],
    views: blueprint.views ?? [],
  };
}

async function fromMe(slug: string): Promise<WorkspaceModel> {
  const answer = await api.get<MeAnswer>(`/api/w/${seg(slug)}/me`);
  return {
    role: answer.role,
    capabilities: answer.capabilities ?? [],
    objects: Object.entries(answer.objects).map(([name, object]) => ({
      name,
      label: object.label,
      ...(object.help ? { help: object.help } : {}),
      ...(object.titleField ? { titleField: object.titleField } : {}),
      actions: object.actions,
      fields: Object.entries(object.fields).map(([fieldName, field]) => ({ ...field, name: fieldName, personal: field.personal === true })),
    })),
    forms: answer.forms ?? [],
    views: answer.views ?? [],
  };
}

/** The query key of a workspace's model: invalidate it after the blueprint changes. */
export const modelKey = (slug: string | undefined) => ['model', slug] as const;

/**
 * The objects, fields, forms, shared views and rights of the caller in a workspace: admins read the
 * whole blueprint (their role grants everything); everyone else reads GET /me, which the server
 * narrows to their role.
 */
export function useWorkspaceModel(slug: string | undefined) {
  const session = useSignedIn();
  const role = session.workspaces.find((workspace) => workspace.slug === slug)?.role;
  const admin = role === 'admin' || (role === undefined && session.user.platformAdmin);
  return useQuery({
    queryKey: [...modelKey(slug), admin],
    queryFn: () => (admin ? fromBlueprint(slug!, role ?? 'admin') : fromMe(slug!)),
    enabled: slug !== undefined,
  });
}
