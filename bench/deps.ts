/**
 * Packages the benchmarks borrow from @tessera/core's own dependencies. The workspace root does not
 * hoist them (pg, libphonenumber-js), and the benchmarks add no dependency of their own, so they
 * are resolved from packages/core, exactly the copies the engine itself runs on.
 */
import { createRequire } from 'node:module';
import type * as PgModule from '../packages/core/node_modules/@types/pg/index.js';

const fromCore = createRequire(new URL('../packages/core/package.json', import.meta.url));
const fromRoot = createRequire(import.meta.url);

/** node-postgres, the driver under the engine's knex. */
export const pg = fromCore('pg') as typeof PgModule;
export type Pool = PgModule.Pool;
export type PoolClient = PgModule.PoolClient;

/** The phone check the engine's validators use (ajv format `phone`). */
export const isValidPhoneNumber = (fromCore('libphonenumber-js') as { isValidPhoneNumber(text: string, country: string): boolean }).isValidPhoneNumber;

/** The parts of an autocannon result the load benchmark reads. */
export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number; average: number; max: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}

/** Options of one autocannon run (the subset used here). */
export interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  headers?: Record<string, string>;
}

/** autocannon (a root devDependency without bundled types). */
export const autocannon = fromRoot('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;
