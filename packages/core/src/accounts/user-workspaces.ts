import type { Knex } from 'knex';
import type { Principal } from '../access/index.js';
import { tables } from './tables.js';

/** A workspace the principal may open, with its role there. */
export interface UserWorkspace {
  slug: string;
  name: string;
  role: string;
}

/**
 * The workspaces of a principal, by slug: its memberships (a platform admin: every workspace, as
 * `admin`), archived or unfinished ones left out; a key bound to a workspace sees that one only.
 */
export async function workspacesOf(knex: Knex, principal: Principal): Promise<UserWorkspace[]> {
  const query = knex(`${tables.workspaces} as w`).whereNull('w.archived_at').where('w.blueprint_version', '>', 0).orderBy('w.slug');
  if (principal.workspaceId !== undefined) query.where('w.id', principal.workspaceId);
  if (principal.platformAdmin) {
    query.select('w.slug', knex.raw('coalesce(w.name, w.slug) AS name'), knex.raw(`'admin' AS role`));
  } else {
    query.join(`${tables.memberships} as m`, 'm.workspace_id', 'w.id').where('m.user_id', principal.userId)
      .select('w.slug', knex.raw('coalesce(w.name, w.slug) AS name'), 'm.role');
  }
  return await query as UserWorkspace[];
}
