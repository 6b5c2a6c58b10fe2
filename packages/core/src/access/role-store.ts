import type { Knex } from 'knex';
import { platformSchema } from '../db/index.js';
import {
  ajvErrorsToFieldErrors, checkFilterReferences, documentValidator, type BlueprintModel, type Filter, type Role,
} from '../documents/index.js';
import { fieldError, TesseraError, throwIfErrors, type FieldError } from '../errors/index.js';
import { builtInRole, builtInRoles } from './built-in-roles.js';
import { isUserVariable, resolveUserVariables, userVariableNames, type UserFacts } from './user-facts.js';

/** A role as the roles page lists it. */
export interface RoleView {
  name: string;
  label: Role['label'];
  builtIn: boolean;
  document: Role;
}

const table = `${platformSchema}.roles`;

/** Facts of a made-up user: a row rule is checked against the blueprint with them in place. */
const sampleFacts: UserFacts = {
  id: '00000000-0000-4000-8000-000000000000', email: 'user@example.com', teamIds: ['team'], teamMemberIds: ['00000000-0000-4000-8000-000000000000'], regions: ['region'],
};

function unknownVariables(filter: Filter, at: string): FieldError[] {
  if ('and' in filter) return filter.and.flatMap((part, index) => unknownVariables(part, `${at}/and/${index}`));
  if ('or' in filter) return filter.or.flatMap((part, index) => unknownVariables(part, `${at}/or/${index}`));
  if ('not' in filter) return unknownVariables(filter.not, `${at}/not`);
  return isUserVariable(filter.value) && !userVariableNames.includes(filter.value) ? [fieldError(`${at}/value`, 'unknown_reference', { name: filter.value.slice(0, 64) })] : [];
}

/**
 * Validates a role document: its schema, then every row rule against the blueprint (each object
 * it names, and every object for "*"), with variables known and fields that exist. Unknown object
 * and field names in the permission maps are refused too: a typo must not silently grant nothing.
 */
export function validateRole(document: unknown, model: BlueprintModel): Role {
  const validate = documentValidator('role');
  if (!validate(document)) throwIfErrors(ajvErrorsToFieldErrors(validate.errors, ''), 'INVALID_DOCUMENT');
  const role = document as Role;
  const errors: FieldError[] = [];
  for (const [name, permission] of Object.entries(role.objects)) {
    const at = `/objects/${name}`;
    if (name !== '*' && !model.objects.has(name)) errors.push(fieldError(at, 'unknown_reference', { name }));
    const targets = name === '*' ? [...model.objects.keys()] : model.objects.has(name) ? [name] : [];
    for (const field of Object.keys(permission.fields ?? {})) {
      if (field !== '*' && targets.length === 1 && !model.objects.get(targets[0]!)!.fields.has(field) && field !== 'owner_id') errors.push(fieldError(`${at}/fields/${field}`, 'unknown_reference', { name: field }));
    }
    if (!permission.rows) continue;
    const variableErrors = unknownVariables(permission.rows, `${at}/rows`);
    errors.push(...variableErrors);
    if (variableErrors.length > 0) continue;
    const resolved = resolveUserVariables(permission.rows, sampleFacts);
    for (const target of targets) errors.push(...checkFilterReferences(resolved, target, model.definitions, `${at}/rows`));
  }
  throwIfErrors(errors, 'INVALID_DOCUMENT');
  return role;
}

/** The role document of that name in a workspace: built in, or saved there. */
export async function findRole(knex: Knex, workspaceId: number, name: string): Promise<Role | undefined> {
  const builtIn = builtInRole(name);
  if (builtIn) return builtIn;
  const row = await knex(table).where({ workspace_id: workspaceId, name }).first() as { document: Role } | undefined;
  return row?.document;
}

/** Built-in roles, then the workspace's own, by name. */
export async function listRoles(knex: Knex, workspaceId: number): Promise<RoleView[]> {
  const rows = await knex(table).where({ workspace_id: workspaceId }).orderBy('name') as { document: Role }[];
  return [
    ...builtInRoles.map((role) => ({ name: role.name, label: role.label, builtIn: true, document: role })),
    ...rows.map((row) => ({ name: row.document.name, label: row.document.label, builtIn: false, document: row.document })),
  ];
}

/** Saves (creates or replaces) a workspace role; built-in names are refused. */
export async function saveRole(trx: Knex, workspaceId: number, role: Role, updatedBy: string): Promise<void> {
  if (builtInRole(role.name)) throw new TesseraError('FORBIDDEN', { reason: `the built-in role ${role.name} cannot be changed; copy it under a new name` });
  await trx(table).insert({ workspace_id: workspaceId, name: role.name, document: JSON.stringify(role), updated_by: updatedBy, updated_at: trx.fn.now() })
    .onConflict(['workspace_id', 'name']).merge(['document', 'updated_by', 'updated_at']);
}

/** Deletes a workspace role; answers whether it existed. */
export async function deleteRole(trx: Knex, workspaceId: number, name: string): Promise<boolean> {
  if (builtInRole(name)) throw new TesseraError('FORBIDDEN', { reason: `the built-in role ${name} cannot be deleted` });
  return (await trx(table).where({ workspace_id: workspaceId, name }).delete()) > 0;
}
