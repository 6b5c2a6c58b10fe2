import type { Knex } from 'knex';
import type { Principal } from '../access/index.js';
import { getUser } from './list-users.js';
import type { User } from './user.js';
import { workspacesOf, type UserWorkspace } from './user-workspaces.js';

/** Who a principal is: its user and the workspaces it may open (what the studio asks after sign-in). */
export interface PrincipalDescription {
  user: User;
  workspaces: UserWorkspace[];
}

/** Describes a signed-in user or an API key's owner (as narrowed by the key's workspace). */
export async function describePrincipal(knex: Knex, principal: Principal): Promise<PrincipalDescription> {
  return { user: await getUser(knex, principal, principal.userId), workspaces: await workspacesOf(knex, principal) };
}
