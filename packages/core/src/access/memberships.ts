import type { Knex } from 'knex';
import { platformSchema } from '../db/index.js';

/** A user's place in one workspace. */
export interface Membership {
  userId: string;
  workspaceId: number;
  role: string;
  teams: string[];
  regions: string[];
}

/** A member as the members page lists it. */
export interface MemberView extends Membership {
  email: string;
  name: string;
  suspended: boolean;
}

const table = `${platformSchema}.memberships`;

function membershipOf(row: Record<string, unknown>): Membership {
  return { userId: String(row.user_id), workspaceId: Number(row.workspace_id), role: String(row.role), teams: (row.teams as string[]) ?? [], regions: (row.regions as string[]) ?? [] };
}

/** The membership of a user in a workspace, if any. */
export async function findMembership(knex: Knex, workspaceId: number, userId: string): Promise<Membership | undefined> {
  const row = await knex(table).where({ workspace_id: workspaceId, user_id: userId }).first() as Record<string, unknown> | undefined;
  return row ? membershipOf(row) : undefined;
}

/** Users sharing at least one of these teams in the workspace (`$user.team_member_ids`). */
export async function teamMemberIds(knex: Knex, workspaceId: number, teams: readonly string[]): Promise<string[]> {
  if (teams.length === 0) return [];
  const rows = await knex(table).where({ workspace_id: workspaceId }).whereRaw('teams && ?::text[]', [teams as string[]]).select(knex.raw('user_id::text AS id'));
  return (rows as { id: string }[]).map((row) => row.id).sort();
}

/** Every member of a workspace with their account's email, name and state. */
export async function listMembers(knex: Knex, workspaceId: number): Promise<MemberView[]> {
  const rows = await knex(`${table} AS m`).join(`${platformSchema}.users AS u`, 'u.id', 'm.user_id')
    .where('m.workspace_id', workspaceId).orderBy('u.email')
    .select('m.*', 'u.email', 'u.name', knex.raw('u.suspended_at IS NOT NULL AS suspended')) as Record<string, unknown>[];
  return rows.map((row) => ({ ...membershipOf(row), email: String(row.email), name: String(row.name), suspended: row.suspended === true }));
}

/** Adds or changes a membership. */
export async function putMembership(knex: Knex, membership: Membership): Promise<void> {
  await knex(table).insert({
    user_id: membership.userId, workspace_id: membership.workspaceId, role: membership.role, teams: membership.teams, regions: membership.regions,
  }).onConflict(['workspace_id', 'user_id']).merge(['role', 'teams', 'regions']);
}

/** Removes a membership; answers whether there was one. */
export async function removeMembership(knex: Knex, workspaceId: number, userId: string): Promise<boolean> {
  return (await knex(table).where({ workspace_id: workspaceId, user_id: userId }).delete()) > 0;
}

/** How many members hold a role (a role in use cannot be deleted). */
export async function countMembersWithRole(knex: Knex, workspaceId: number, role: string): Promise<number> {
  const row = await knex(table).where({ workspace_id: workspaceId, role }).count<{ count: string }[]>('* as count').first();
  return Number(row?.count ?? 0);
}
