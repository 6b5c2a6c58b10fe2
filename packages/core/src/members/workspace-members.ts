import type { Knex } from 'knex';
import { asSystem, findMembership, findRole, listMembers, putMembership, removeMembership, type AccessPolicy, type MemberView } from '../access/index.js';
import type { Accounts } from '../accounts/index.js';
import { appendAudit, type AuditStamp } from '../audit/index.js';
import { platformSchema } from '../db/index.js';
import { TesseraError } from '../errors/index.js';
import { readLabels, readRoleName } from './member-input.js';

/** Where member operations act: the workspace, its access policy for the caller, and the audit stamp. */
export interface MemberScope {
  knex: Knex;
  workspaceId: number;
  schema: string;
  access: AccessPolicy;
  stamp: AuditStamp;
}

async function requireRole(scope: MemberScope, name: string): Promise<void> {
  if (!await findRole(scope.knex, scope.workspaceId, name)) throw new TesseraError('BAD_REQUEST', { reason: `there is no role ${name}` });
}

/** The members of a workspace (members capability). */
export function membersOf(scope: MemberScope): Promise<MemberView[]> {
  scope.access.requireCapability('members');
  return listMembers(scope.knex, scope.workspaceId);
}

/**
 * Adds a member by email with a role (and teams, regions). An email without an account gets one
 * (name and password required): a workspace admin staffs their own CRM. The change is audited.
 */
export async function addMember(scope: MemberScope, accounts: Accounts, body: Record<string, unknown>): Promise<void> {
  scope.access.requireCapability('members');
  const role = readRoleName(body.role);
  await requireRole(scope, role);
  const teams = readLabels(body.teams, 'teams') ?? [];
  const regions = readLabels(body.regions, 'regions') ?? [];
  const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
  let user = await scope.knex(`${platformSchema}.users`).where({ email }).first('id') as { id: string } | undefined;
  // Creating the account is a platform operation the members capability is allowed to make.
  user ??= await accounts.createUser(asSystem('workspace member invitation', scope.access.principal.source), { email: body.email, name: body.name, password: body.password });
  await scope.knex.transaction(async (trx) => {
    await putMembership(trx, { userId: user.id, workspaceId: scope.workspaceId, role, teams, regions });
    await appendAudit(trx, scope.schema, scope.stamp, { action: 'member.add', details: { userId: user.id, email, role, teams, regions } });
  });
}

/** Changes a member's role, teams or regions (audited). */
export async function changeMember(scope: MemberScope, userId: string, body: Record<string, unknown>): Promise<void> {
  scope.access.requireCapability('members');
  const current = /^[0-9a-f-]{36}$/i.test(userId) ? await findMembership(scope.knex, scope.workspaceId, userId) : undefined;
  if (!current) throw new TesseraError('NOT_FOUND', { what: `member ${userId.slice(0, 64)}` });
  const role = body.role === undefined ? current.role : readRoleName(body.role);
  if (role !== current.role) await requireRole(scope, role);
  const next = { ...current, role, teams: readLabels(body.teams, 'teams') ?? current.teams, regions: readLabels(body.regions, 'regions') ?? current.regions };
  await scope.knex.transaction(async (trx) => {
    await putMembership(trx, next);
    await appendAudit(trx, scope.schema, scope.stamp, { action: 'member.change', details: { userId, before: { role: current.role, teams: current.teams, regions: current.regions }, after: { role, teams: next.teams, regions: next.regions } } });
  });
}

/** Removes a member (audited). */
export async function removeMember(scope: MemberScope, userId: string): Promise<void> {
  scope.access.requireCapability('members');
  await scope.knex.transaction(async (trx) => {
    const removed = /^[0-9a-f-]{36}$/i.test(userId) && await removeMembership(trx, scope.workspaceId, userId);
    if (!removed) throw new TesseraError('NOT_FOUND', { what: `member ${userId.slice(0, 64)}` });
    await appendAudit(trx, scope.schema, scope.stamp, { action: 'member.remove', details: { userId } });
  });
}
