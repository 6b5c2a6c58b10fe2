/** Columns every object table has; no field may take their names. */
export const systemColumns = ['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'owner_id', 'version', 'deleted_at'] as const;

/** Names that would reach object prototypes (checked although the identifier pattern already excludes most). */
const reservedWords = ['__proto__', 'constructor', 'prototype'];

const reserved = new Set<string>([...systemColumns, ...reservedWords]);

/** The allowlist every identifier from a document must match (then quoted by knex). */
export const identifierPattern = /^[a-z][a-z0-9_]{0,62}$/;

/** True when the name is one Tessera keeps for itself. Double underscores name system tables. */
export function isReservedName(name: string): boolean {
  return reserved.has(name) || name.includes('__');
}
