import { useQuery } from '@tanstack/react-query';
import { api, seg } from './client.js';
import { useSignedIn } from './session.js';
import { actions, capabilities, type Action, type Capability, type Label } from './types.js';

/** One field as the studio shows it, with the caller's access to it. */
export interface ModelField {
  name: string;
  label: Label;
  type: string;
  access: 'read' | 'write';
  personal: boolean;
  options?: { value: string; label: Label }[];
  currency?: string;
}

/** One object the caller may see, with the actions their role grants on it. */
export interface ModelObject {
  name: string;
  label: Label;
  actions: Action[];
  fields: ModelField[];
}

/** What the caller may do in a workspace. */
export interface WorkspaceModel {
  role: string;
  capabilities: Capability[];
  objects: ModelObject[];
}

interface BlueprintField { name: string; label: Label; type: string; personal?: boolean; options?: ModelField['options']; currency?: string }
interface BlueprintAnswer { blueprint: { objects: { name: string; label: Label; fields: BlueprintField[] }[] } }

interface MeAnswer {
  role: string;
  capabilities?: Capability[];
  objects: Record<string, { label: Label; actions: Action[]; fields: Record<string, { label: Label; type: string; access: 'read' | 'write'; personal?: boolean }> }>;
}

async function fromBlueprint(slug: string, role: string): Promise<WorkspaceModel> {
  const answer = await api.get<BlueprintAnswer>(`/api/w/${seg(slug)}/blueprint`);
  return {
    role,
    capabilities: [...capabilities],
    objects: answer.blueprint.objects.map((object) => ({
      name: object.name,
      label: object.label,
      actions: [...actions],
      fields: object.fields.map((field) => ({
        name: field.name, label: field.label, type: field.type, access: 'write', personal: field.personal === true,
        ...(field.options ? { options: field.options } : {}),
        ...(field.currency ? { currency: field.currency } : {}),
      })),
    })),
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
      actions: object.actions,
      fields: Object.entries(object.fields).map(([fieldName, field]) => ({
        name: fieldName, label: field.label, type: field.type, access: field.access, personal: field.personal === true,
      })),
    })),
  };
}

/**
 * The objects, fields and rights of the caller in a workspace: admins read the whole blueprint
 * (their role grants everything); everyone else reads GET /me, which the server narrows to their role.
 */
export function useWorkspaceModel(slug: string | undefined) {
  const session = useSignedIn();
  const role = session.workspaces.find((workspace) => workspace.slug === slug)?.role;
  const admin = role === 'admin' || (role === undefined && session.user.platformAdmin);
  return useQuery({
    queryKey: ['model', slug, admin],
    queryFn: () => (admin ? fromBlueprint(slug!, role ?? 'admin') : fromMe(slug!)),
    enabled: slug !== undefined,
  });
}
