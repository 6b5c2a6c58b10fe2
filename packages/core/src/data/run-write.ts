import type { Knex } from 'knex';
import type { DataContext } from './data-context.js';
import { translateWriteError } from './translate-write-error.js';

/**
 * The write pipeline's frame: every write runs in one transaction (validate → write → outbox
 * event, all committed together) and its database errors are translated to the client's terms.
 */
export async function runWrite<T>(context: DataContext, write: (trx: Knex) => Promise<T>): Promise<T> {
  try {
    return await context.knex.transaction(write);
  } catch (error) {
    throw translateWriteError(error, context.model);
  }
}
