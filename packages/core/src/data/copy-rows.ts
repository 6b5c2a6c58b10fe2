import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Knex } from 'knex';
import { from as copyFrom } from 'pg-copy-streams';
import { quoteIdent } from '../schema/index.js';

/** The part of node-postgres's connection COPY needs (not in knex's types). */
interface PgConnection {
  query<T>(stream: T): T;
}

/** Rows per chunk handed to the COPY stream. */
const chunkRows = 500;

const escapeText = (text: string) => text.replace(/[\\\t\n\r]/g, (character) => (character === '\\' ? '\\\\' : character === '\t' ? '\\t' : character === '\n' ? '\\n' : '\\r'));

/** One array element of a text[] literal: always quoted, so that commas, braces and spaces stay in it. */
const arrayItem = (item: unknown) => (item === null || item === undefined ? 'NULL' : `"${String(item).replace(/[\\"]/g, (character) => `\\${character}`)}"`);

/** A value in COPY's text format: \N for null, t/f, numbers as written, text[] as an array literal, JSON as text, tabs and breaks escaped. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return escapeText(`{${value.map(arrayItem).join(',')}}`);
  if (typeof value === 'object') return escapeText(JSON.stringify(value));
  return escapeText(String(value));
}

/** True when the knex handle can COPY: a PostgreSQL server connection (node-postgres) inside a transaction. */
export function canCopy(knex: Knex): boolean {
  return knex.isTransaction === true && (knex.client as { config: { client?: unknown } }).config.client === 'pg';
}

/**
 * Writes rows into a table with COPY … FROM STDIN on the transaction's own connection: a server
 * parses COPY's text format at about twice the rate of the same rows as JSON in one INSERT (50,000
 * customers: 0.7 s against 1.5 s here), and Node builds it with less work than JSON. Values must be
 * in the columns' types already (validated records); `extra` values are the same for every row.
 */
export async function copyRows(knex: Knex, table: string, columns: string[], rows: Record<string, unknown>[], extra: Record<string, unknown> = {}): Promise<void> {
  const extraColumns = Object.keys(extra);
  const tail = extraColumns.map((column) => `\t${copyValue(extra[column])}`).join('');
  const connection = await (knex.client as unknown as { acquireConnection(): Promise<PgConnection> }).acquireConnection();
  const chunks = function* () {
    for (let start = 0; start < rows.length; start += chunkRows) {
      let text = '';
      for (const row of rows.slice(start, start + chunkRows)) {
        let line = '';
        for (let index = 0; index < columns.length; index += 1) line += `${index === 0 ? '' : '\t'}${copyValue(row[columns[index]!])}`;
        text += `${line}${tail}\n`;
      }
      yield text;
    }
  };
  const list = [...columns, ...extraColumns].map(quoteIdent).join(', ');
  await pipeline(Readable.from(chunks()), connection.query(copyFrom(`COPY ${table} (${list}) FROM STDIN`)));
}
