/** A text in both languages the studio speaks. */
export interface Bilingual {
  'zh-CN': string;
  en: string;
}

/** A label as the server sends it: both languages, or already one. */
export type Label = Partial<Bilingual> | string;

/** The signed-in user. */
export interface User {
  id: string;
  email: string;
  name: string;
  platformAdmin: boolean;
}

/** A workspace the user belongs to, with the user's role in it. */
export interface Membership {
  slug: string;
  name: string;
  role: string;
}

/** GET /api/auth/session. */
export interface Session {
  user: User;
  csrfToken: string;
  workspaces: Membership[];
}

/** The actions a role grants on an object. */
export const actions = ['read', 'create', 'update', 'delete', 'export', 'import', 'reveal'] as const;
/** One action on an object. */
export type Action = (typeof actions)[number];

/** Workspace administration a role may grant. */
export const capabilities = ['blueprint', 'members', 'roles', 'audit', 'privacy'] as const;
/** One administration capability. */
export type Capability = (typeof capabilities)[number];

/** Access to one field. */
export type FieldAccess = 'none' | 'read' | 'write';

/** API key scopes. */
export const scopes = ['records:read', 'records:write', 'records:export', 'records:import', 'records:reveal', 'blueprint:read', 'blueprint:write', 'admin'] as const;

/** A page of a list answer. */
export interface ListPage<T> {
  data: T[];
  page?: { next_cursor?: string | null; total?: number };
}
