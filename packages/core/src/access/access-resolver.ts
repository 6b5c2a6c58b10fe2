import type { Knex } from 'knex';
import type { BlueprintModel, Role } from '../documents/index.js';
import { TesseraError } from '../errors/index.js';
import { platformSchema } from '../db/index.js';
import { AccessPolicy } from './access-policy.js';
import { builtInRole } from './built-in-roles.js';
import { findMembership, teamMemberIds } from './memberships.js';
import { findRole } from './role-store.js';
import type { Principal } from './principal.js';
import type { UserFacts } from './user-facts.js';

/** The workspace a request is scoped to, as the resolver needs it. */
export interface WorkspaceScope {
  id: number;
  slug: string;
  model: BlueprintModel;
}

interface Grant {
  role: Role;
  facts: UserFacts;
  checkedAt: number;
}

/** A role that reaches nothing: what a member whose role was deleted is left with. */
const noAccess = (name: string): Role => ({ name, label: { 'zh-CN': name, en: name }, objects: {} });

/** Policies kept per blueprint version, by role, facts and scopes; the oldest is dropped first. */
const maxPoliciesPerModel = 1000;

/**
 * Turns (workspace, principal) into the AccessPolicy every data operation consults. A user who
 * is not a member (and not a platform admin) gets NOT_FOUND, as for a workspace that does not
 * exist; so does an API key bound to another workspace. Memberships and roles are re-read at most
 * once per `recheckMs`, so a change made by any server process applies within that time; policies
 * (and the SQL compiled from them) are shared by every request with the same role and facts.
 */
export class AccessResolver {
  private readonly grants = new Map<string, Grant>();
  private readonly policies = new WeakMap<BlueprintModel, Map<string, AccessPolicy>>();

  constructor(private readonly knex: Knex, private readonly recheckMs = 1000) {}

  /** The policy of a principal in a workspace, or NOT_FOUND. */
  async policy(workspace: WorkspaceScope, principal: Principal): Promise<AccessPolicy> {
    if (principal.kind === 'system') return AccessPolicy.system(principal, workspace.model);
    const hidden = () => new TesseraError('NOT_FOUND', { what: `workspace ${workspace.slug}` });
    if (principal.workspaceId !== undefined && principal.workspaceId !== workspace.id) throw hidden();
    const grant = await this.grant(workspace.id, principal);
    if (!grant) throw hidden();
    const key = JSON.stringify([grant.role, grant.facts, principal.scopes ?? null]);
    let byKey = this.policies.get(workspace.model);
    if (!byKey) this.policies.set(workspace.model, byKey = new Map());
    let policy = byKey.get(key);
    if (!policy) {
      policy = AccessPolicy.forRole(principal, workspace.model, grant.role, grant.facts);
      if (byKey.size >= maxPoliciesPerModel) byKey.delete(byKey.keys().next().value!);
      byKey.set(key, policy);
    }
    return policy;
  }

  /** Forgets what is known of a user's grants (after this process changed a membership or role). */
  forget(): void {
    this.grants.clear();
  }

  private async grant(workspaceId: number, principal: Principal): Promise<Grant | undefined> {
    const key = `${workspaceId}:${principal.userId}`;
    const known = this.grants.get(key);
    if (known && Date.now() - known.checkedAt < this.recheckMs) return known;
    const membership = await findMembership(this.knex, workspaceId, principal.userId);
    if (!membership && !principal.platformAdmin) {
      this.grants.delete(key);
      return undefined;
    }
    // Platform admins (the implementer) act as workspace admin everywhere, member or not.
    const roleName = principal.platformAdmin || !membership ? 'admin' : membership.role;
    const role = (roleName === 'admin' ? builtInRole('admin') : await findRole(this.knex, workspaceId, roleName)) ?? noAccess(roleName);
    const email = await this.knex(`${platformSchema}.users`).where({ id: principal.userId }).first('email') as { email: string } | undefined;
    const teams = membership?.teams ?? [];
    const facts: UserFacts = {
      id: principal.userId, email: email?.email ?? principal.label, teamIds: teams, regions: membership?.regions ?? [],
      teamMemberIds: [...new Set([principal.userId, ...await teamMemberIds(this.knex, workspaceId, teams)])].sort(),
    };
    const grant = { role, facts, checkedAt: Date.now() };
    this.grants.set(key, grant);
    return grant;
  }
}
