import type { Knex } from 'knex';
import { tables } from './tables.js';

/** An API key as its owner sees it: never the secret, which is shown once at creation. */
export interface ApiKey {
  id: string;
  name: string;
  scopes: string[];
  /** The slug of the workspace the key is bound to, or null for every workspace of its owner. */
  workspace: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

interface ApiKeyRow {
  id: string;
  name: string;
  scopes: string[];
  workspace: string | null;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

/** A query of API keys with their workspace slug, in the API shape once mapped by `toApiKey`. */
export function selectApiKeys(knex: Knex): Knex.QueryBuilder {
  return knex(`${tables.apiKeys} as k`).leftJoin(`${tables.workspaces} as w`, 'w.id', 'k.workspace_id')
    .select('k.id', 'k.name', 'k.scopes', 'w.slug as workspace', 'k.expires_at', 'k.last_used_at', 'k.revoked_at', 'k.created_at');
}

/** The API shape of a row of `selectApiKeys`. */
export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id, name: row.name, scopes: row.scopes, workspace: row.workspace,
    expiresAt: row.expires_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at, createdAt: row.created_at,
  };
}
