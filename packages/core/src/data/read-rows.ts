import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { BlueprintModel } from '../documents/index.js';

/** The parts of knex's client and node-postgres's connection used here (not in knex's types). */
interface PgConnection {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}
interface PoolingClient {
  config: { client?: unknown };
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
  positionBindings(sql: string): string;
  emit(event: 'query', query: { sql: string; bindings: unknown[]; method: string }): void;
}

/** Statements prepared on one connection; past this many, reads are sent unprepared. */
const maxPreparedPerConnection = 200;
const prepared = new WeakMap<PgConnection, Set<string>>();
/** One number per compiled blueprint (a new one after every apply), part of each statement name. */
const generations = new WeakMap<BlueprintModel, number>();
let lastGeneration = 0;

function generationOf(model: BlueprintModel): number {
  let generation = generations.get(model);
  if (generation === undefined) generations.set(model, generation = lastGeneration += 1);
  return generation;
}

/**
 * Runs a read (SQL with `?` placeholders). On a PostgreSQL server, outside a transaction, it runs
 * as a named prepared statement on its connection: the server then skips parsing and analysing it
 * on every later call (a tenth of a list request's time in the benchmark). Sessions use
 * plan_cache_mode=force_custom_plan (openDatabase), so each call is still planned for its own
 * values. Names come from the statement text and the compiled blueprint, so an apply, which may
 * change what a statement returns, never meets an old prepared statement (old ones stay until
 * the pool closes the connection; past the cap a connection sends reads unprepared). PGlite and
 * transactions take the ordinary knex.raw path.
 */
export async function readRows(knex: Knex, model: BlueprintModel, sql: string, bindings: unknown[]): Promise<Record<string, unknown>[]> {
  const client = knex.client as unknown as PoolingClient;
  if (knex.isTransaction || client.config.client !== 'pg') {
    return ((await knex.raw(sql, bindings as Knex.RawBinding[])) as { rows: Record<string, unknown>[] }).rows;
  }
  const text = client.positionBindings(sql);
  const connection = await client.acquireConnection();
  try {
    const names = prepared.get(connection) ?? new Set<string>();
    prepared.set(connection, names);
    const name = `tq_${createHash('sha1').update(`${generationOf(model)}\u0000${text}`).digest('hex').slice(0, 24)}`;
    const usable = names.has(name) || names.size < maxPreparedPerConnection;
    if (usable) names.add(name);
    client.emit('query', { sql: text, bindings, method: 'raw' });
    if (!usable) return (await connection.query({ text, values: bindings })).rows;
    try {
      return (await connection.query({ name, text, values: bindings })).rows;
    } catch (error) {
      // Another process applied a change this one has not loaded yet (the registry looks again within a second).
      if ((error as { code?: string }).code !== '0A000') throw error;
      return (await connection.query({ text, values: bindings })).rows;
    }
  } finally {
    await client.releaseConnection(connection);
  }
}
