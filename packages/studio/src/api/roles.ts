import { useQuery } from '@tanstack/react-query';
import { api, seg } from './client.js';
import type { Action, Capability, FieldAccess, Label, ListPage } from './types.js';

/** A row rule: the filter language, values possibly $user variables. */
export type Filter = { field: string; op: string; value?: unknown } | { and: Filter[] } | { or: Filter[] } | { not: Filter };

/** What a role allows on one object ("*" is the default of objects not named). */
export interface ObjectPermission {
  actions: Action[];
  fields?: Record<string, FieldAccess>;
  rows?: Filter;
}

/** A role document (schemas/role.schema.json). */
export interface RoleDocument {
  name: string;
  label: Label;
  description?: Label;
  capabilities?: Capability[];
  objects: Record<string, ObjectPermission>;
}

/** A role as GET /roles lists it. */
export interface Role {
  name: string;
  label: Label;
  builtIn: boolean;
  document: RoleDocument;
}

/** The query key of a workspace's roles. */
export const rolesKey = (slug: string) => ['roles', slug];

/** GET /api/w/<slug>/roles. */
export function useRoles(slug: string, enabled = true) {
  return useQuery({ queryKey: rolesKey(slug), queryFn: () => api.get<ListPage<Role>>(`/api/w/${seg(slug)}/roles`), enabled });
}
