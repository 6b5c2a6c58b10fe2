import type { Knex } from 'knex';
import type { BlueprintModel, ObjectModel } from '../documents/index.js';
import { TesseraError } from '../errors/index.js';

/**
 * Everything a data operation needs: the connection (or transaction), the workspace's schema and
 * live blueprint, and who is acting. Every operation runs as this actor; there is no bypass flag.
 */
export interface DataContext {
  knex: Knex;
  schema: string;
  model: BlueprintModel;
  actor: string;
}

/** The object of that name, or NOT_FOUND. */
export function objectOf(context: DataContext, name: string): ObjectModel {
  const object = context.model.objects.get(name);
  if (!object) throw new TesseraError('NOT_FOUND', { what: `object ${name}` });
  return object;
}
