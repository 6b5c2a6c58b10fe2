import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, seg, type RequestOptions } from './client.js';
import type { Field, Form, LocalizedText, View } from './documents.js';
import type { Action, Capability } from './types.js';

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

async function fromMe(slug: string, options?: RequestOptions): Promise<WorkspaceModel> {
  const answer = await api.get<MeAnswer>(`/api/w/${seg(slug)}/me`, options);
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
 * The model query of a workspace, for useWorkspaceModel and for the prefetch at start-up (which
 * passes redirectOn401 false: before the session is known, a 401 is no reason to leave the page).
 */
export const workspaceModelQuery = (slug: string, options?: RequestOptions) => queryOptions({
  queryKey: modelKey(slug),
  queryFn: () => fromMe(slug, options),
  // Blueprint changes made in the studio invalidate it at once; a role changed elsewhere shows within a minute (the server enforces it anyway).
  staleTime: 60_000,
});

/**
 * The objects, fields, forms, shared views and rights of the caller in a workspace, from GET /me,
 * which the server narrows to their role (an admin's, and a platform admin's, is the whole
 * blueprint without what only the build pages need). It needs no session first, so a page load
 * asks for it alongside the session (see boot-prefetch.ts).
 */
export function useWorkspaceModel(slug: string | undefined) {
  return useQuery({ ...workspaceModelQuery(slug ?? ''), enabled: slug !== undefined });
}
