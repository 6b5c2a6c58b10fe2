/**
 * Quotes an identifier that has passed the document allowlist (^[a-z_][a-z0-9_]*$). The check is
 * repeated here so that no other string can ever reach SQL as a name.
 */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`refusing unsafe identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** schema.table, both quoted. */
export function qualified(schema: string, table: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}
