import { countMembersWithRole, deleteRole, listRoles, saveRole, validateRole, type RoleView } from '../access/index.js';
import type { BlueprintModel } from '../documents/index.js';
import { appendAudit } from '../audit/index.js';
import { TesseraError } from '../errors/index.js';
import type { MemberScope } from './workspace-members.js';

/** Built-in and workspace roles (for the members page as much as the roles page). */
export function rolesOf(scope: MemberScope): Promise<RoleView[]> {
  const capabilities = scope.access.capabilities();
  if (!capabilities.includes('roles')) scope.access.requireCapability('members');
  return listRoles(scope.knex, scope.workspaceId);
}

/** Creates or replaces a workspace role from its document, validated against the blueprint (audited). */
export async function putRole(scope: MemberScope, model: BlueprintModel, name: string, document: unknown): Promise<RoleView> {
  scope.access.requireCapability('roles');
  const role = validateRole(document, model);
  if (role.name !== name) throw new TesseraError('BAD_REQUEST', { reason: 'the document\'s name must be the name in the path' });
  await scope.knex.transaction(async (trx) => {
    await saveRole(trx, scope.workspaceId, role, scope.stamp.actorId);
    await appendAudit(trx, scope.schema, scope.stamp, { action: 'role.save', details: { name, document: role } });
  });
  return { name: role.name, label: role.label, builtIn: false, document: role };
}

/** Deletes a workspace role no member holds (409 otherwise; audited). */
export async function removeRole(scope: MemberScope, name: string): Promise<void> {
  scope.access.requireCapability('roles');
  await scope.knex.transaction(async (trx) => {
    const holders = await countMembersWithRole(trx, scope.workspaceId, name);
    if (holders > 0) throw new TesseraError('BAD_REQUEST', { reason: `${holders} members hold the role ${name}: give them another role first` });
    if (!await deleteRole(trx, scope.workspaceId, name)) throw new TesseraError('NOT_FOUND', { what: `role ${name.slice(0, 64)}` });
    await appendAudit(trx, scope.schema, scope.stamp, { action: 'role.delete', details: { name } });
  });
}
