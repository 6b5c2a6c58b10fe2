import { systemColumns, type Action, type FieldAccess, type Filter, type ObjectModel, type ObjectPermission } from '../documents/index.js';
import { TesseraError } from '../errors/index.js';
import { resolveUserVariables, type UserFacts } from './user-facts.js';

/** Columns every reader sees whatever the role says: paging and optimistic locking need them. */
const alwaysReadable = new Set(['id', 'version']);
/** The one system column a role may let members write. */
const writableSystemColumns = new Set(['owner_id']);

/**
 * What one principal may do with one object: its actions, the columns it may read and write,
 * the personal fields it sees masked, and its row rule with the user's variables filled in.
 * Built once per role, user and blueprint version, then shared by every request.
 */
export class ObjectAccess {
  readonly actions: ReadonlySet<Action>;
  readonly readable: ReadonlySet<string>;
  readonly writable: ReadonlySet<string>;
  /** Personal fields shown masked (every one, unless system mode). */
  readonly masked: ReadonlySet<string>;
  /** The row rule, variables resolved; undefined when every row is allowed. */
  readonly rows: Filter | undefined;
  /** Identifies the rule's content (with the user's values) for caches of compiled SQL. */
  readonly rowsKey: string;

  constructor(readonly object: ObjectModel, permission: ObjectPermission | 'system', facts: UserFacts | undefined) {
    const system = permission === 'system';
    this.actions = new Set(system ? ['read', 'create', 'update', 'delete', 'export', 'import', 'reveal'] : permission.actions);
    const columns = [...systemColumns, ...object.columnFields.map((field) => field.name), ...object.definition.fields.filter((field) => field.relation && field.relation.kind !== 'many_to_one').map((field) => field.name)];
    const accessOf = (name: string): FieldAccess => {
      if (system) return 'write';
      const given = Object.hasOwn(permission.fields ?? {}, name) ? permission.fields![name]! : permission.fields?.['*'] ?? 'read';
      return alwaysReadable.has(name) && given === 'none' ? 'read' : given;
    };
    const isSystem = (name: string) => (systemColumns as readonly string[]).includes(name);
    this.readable = new Set(columns.filter((name) => accessOf(name) !== 'none'));
    this.writable = new Set(columns.filter((name) => accessOf(name) === 'write' && (!isSystem(name) || writableSystemColumns.has(name))));
    this.masked = new Set(system ? [] : object.definition.fields.filter((field) => field.personal === true && this.readable.has(field.name)).map((field) => field.name));
    this.rows = system || !permission.rows || !facts ? undefined : resolveUserVariables(permission.rows, facts);
    this.rowsKey = this.rows === undefined ? '' : JSON.stringify(this.rows);
  }

  /** Throws FIELD_FORBIDDEN unless the field (or system column) is readable. */
  requireReadable(field: string, use: string): void {
    if (!this.readable.has(field)) throw new TesseraError('FIELD_FORBIDDEN', { field: `${this.object.name}.${field.slice(0, 64)}`, use });
  }

  /** Throws FIELD_FORBIDDEN for the first key of a body the role may not write. */
  requireWritable(body: Record<string, unknown>): void {
    for (const key of Object.keys(body)) {
      if (key === 'id' || key === 'version') continue;
      if (!this.writable.has(key) && (this.readable.has(key) || this.object.fields.has(key) || key === 'owner_id')) {
        throw new TesseraError('FIELD_FORBIDDEN', { field: `${this.object.name}.${key.slice(0, 64)}`, use: 'write' });
      }
    }
  }
}
