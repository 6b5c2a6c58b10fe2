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

/**
 * A string as a SQL literal, for the DDL that cannot take bound values (defaults, checks, fills).
 * Text holding `?` or `\` is written as a U& literal with those escaped: knex reads every bare `?`
 * in SQL text as a parameter placeholder, even inside quotes, and would corrupt the value.
 */
export function sqlString(text: string): string {
  const quoted = text.replace(/'/g, "''");
  if (!/[?\\]/.test(text)) return `'${quoted}'`;
  return `U&'${quoted.replace(/\\/g, '\\\\').replace(/\?/g, '\\003F')}'`;
}

/** A JSON value as a SQL literal: text, number, boolean, array (of literals) or NULL; objects as JSON text. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return sqlString(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`refusing non-finite number ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return value.length === 0 ? `'{}'` : `ARRAY[${value.map(sqlLiteral).join(', ')}]`;
  return sqlString(JSON.stringify(value));
}
