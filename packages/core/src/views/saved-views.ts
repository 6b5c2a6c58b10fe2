import type { Knex } from 'knex';
import { requireFilterAccess, requireSortAccess } from '../access/index.js';
import { appendAudit } from '../audit/index.js';
import type { DataContext } from '../data/index.js';
import { identifierPattern, validateView, type View } from '../documents/index.js';
import { TesseraError } from '../errors/index.js';
import { savedViewsTable } from '../schema/index.js';
import { narrowView } from './narrow-view.js';
import { readSavedViewInput } from './saved-view-input.js';
import { followRenames, viewReferences, type ViewReferences } from './view-references.js';

/** Where saved view operations act: the workspace, and the caller's access there (user mode). */
export type SavedViewScope = Pick<DataContext, 'knex' | 'schema' | 'access' | 'stamp'>;

/** A saved view as the API answers it; `mine` when the caller owns it. */
export interface SavedView {
  id: string;
  owner_id: string;
  shared: boolean;
  version: number;
  view: View;
  mine: boolean;
}

interface SavedViewRow {
  id: string;
  owner_id: string;
  shared: boolean;
  version: number;
  document: View;
  refs: ViewReferences;
}

const columns = ['id', 'owner_id', 'shared', 'version', 'document', 'refs'];
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Saved views one member may keep in a workspace: enough for anyone, not a way to fill the disk. */
const maxViewsPerOwner = 500;

const tableOf = (scope: SavedViewScope) => `${scope.schema}.${savedViewsTable}`;
const callerOf = (scope: SavedViewScope) => scope.access.principal.userId;

function answer(row: SavedViewRow, view: View, caller: string): SavedView {
  return { id: row.id, owner_id: row.owner_id, shared: row.shared, version: row.version, view, mine: row.owner_id === caller };
}

/** The saved document under the names the live blueprint gives its object and fields. */
const currentView = (scope: SavedViewScope, row: SavedViewRow) => followRenames(row.document, row.refs, scope.access.model);

/** The columns a validated view is stored in: the document, its object's id and the ids behind its names. */
function stored(scope: SavedViewScope, view: View) {
  const refs = viewReferences(view, scope.access.model);
  return { object_id: refs.object, document: JSON.stringify(view), refs: JSON.stringify(refs) };
}

/**
 * The view document as a caller may save it: an object they read (404 otherwise, before anything
 * else, so a hidden object is not told from a missing one), view.schema.json and the blueprint's
 * checks against the live objects (422), and only fields they read in every part (403).
 */
function checkedView(scope: SavedViewScope, document: unknown): View {
  const named = typeof document === 'object' && document !== null ? (document as { object?: unknown }).object : undefined;
  if (typeof named === 'string') scope.access.object(named, 'read');
  const view = validateView(document, scope.access.model.definitions, '/view');
  const access = scope.access.object(view.object, 'read');
  for (const column of view.columns) access.requireReadable(column.field, 'column');
  if (view.groupBy !== undefined) access.requireReadable(view.groupBy, 'groupBy');
  if (view.filter) requireFilterAccess(scope.access, view.object, view.filter);
  requireSortAccess(scope.access, view.object, (view.sort ?? []).map((key) => key.field));
  return view;
}

function notFound(id: string): never {
  throw new TesseraError('NOT_FOUND', { what: `saved view ${id.slice(0, 64)}` });
}

/**
 * The row a caller may change, locked: their own, or a shared one of an object they read when
 * their role holds the blueprint capability. Another member's personal view does not exist for them.
 */
async function rowToChange(trx: Knex, scope: SavedViewScope, id: string): Promise<SavedViewRow> {
  if (!uuidPattern.test(id)) notFound(id);
  const row = await trx(tableOf(scope)).where({ id }).forUpdate().first(columns) as SavedViewRow | undefined;
  if (!row) notFound(id);
  if (row.owner_id === callerOf(scope)) return row;
  if (!row.shared || !scope.access.visible(currentView(scope, row).object)) notFound(id);
  scope.access.requireCapability('blueprint');
  return row;
}

/** The caller's own and the shared saved views of an object they read, narrowed to what their role reads. */
export async function listSavedViews(scope: SavedViewScope, objectName: unknown): Promise<SavedView[]> {
  if (typeof objectName !== 'string' || !identifierPattern.test(objectName)) throw new TesseraError('BAD_REQUEST', { reason: 'name one object: ?object=<name>' });
  const objectId = scope.access.object(objectName, 'read').object.definition.id;
  const caller = callerOf(scope);
  const rows = await scope.knex(tableOf(scope)).where({ object_id: objectId })
    .andWhere((where) => where.where({ owner_id: caller }).orWhere({ shared: true }))
    .orderBy([{ column: 'shared' }, { column: 'created_at' }, { column: 'id' }]).select(columns) as SavedViewRow[];
  return rows.flatMap((row) => {
    const view = narrowView(currentView(scope, row), scope.access);
    return view ? [answer(row, view, caller)] : [];
  });
}

/** Saves a new view for the caller; a shared one needs the blueprint capability (audited). */
export async function createSavedView(scope: SavedViewScope, body: Record<string, unknown>): Promise<SavedView> {
  const input = readSavedViewInput(body, 'create');
  const view = checkedView(scope, input.view);
  const shared = input.shared ?? false;
  if (shared) scope.access.requireCapability('blueprint');
  const caller = callerOf(scope);
  return scope.knex.transaction(async (trx) => {
    const [{ n }] = await trx(tableOf(scope)).where({ owner_id: caller }).count({ n: '*' }) as [{ n: string | number }];
    if (Number(n) >= maxViewsPerOwner) throw new TesseraError('BAD_REQUEST', { reason: `a member keeps at most ${maxViewsPerOwner} saved views` });
    const [row] = await trx(tableOf(scope)).insert({ owner_id: caller, shared, ...stored(scope, view) }).returning(columns) as SavedViewRow[];
    await appendAudit(trx, scope.schema, scope.stamp, { action: 'saved_view.create', object: view.object, details: { id: row!.id, shared, view } });
    return answer(row!, view, caller);
  });
}

/** Replaces a saved view the caller may change, if it is still at the version they read (409 otherwise; audited). */
export async function updateSavedView(scope: SavedViewScope, id: string, body: Record<string, unknown>): Promise<SavedView> {
  const input = readSavedViewInput(body, 'update');
  return scope.knex.transaction(async (trx) => {
    const row = await rowToChange(trx, scope, id);
    const shared = input.shared ?? row.shared;
    if (shared && !row.shared) scope.access.requireCapability('blueprint');
    const view = checkedView(scope, input.view);
    if (row.version !== input.version) throw new TesseraError('VERSION_CONFLICT', { current: row.version });
    const [updated] = await trx(tableOf(scope)).where({ id }).update({ shared, ...stored(scope, view), version: row.version + 1, updated_at: trx.fn.now() }).returning(columns) as SavedViewRow[];
    await appendAudit(trx, scope.schema, scope.stamp, { action: 'saved_view.update', object: view.object, details: { id, shared, view, before: { shared: row.shared, view: currentView(scope, row) } } });
    return answer(updated!, view, callerOf(scope));
  });
}

/** Deletes a saved view the caller may change (audited). */
export async function deleteSavedView(scope: SavedViewScope, id: string): Promise<void> {
  await scope.knex.transaction(async (trx) => {
    const row = await rowToChange(trx, scope, id);
    await trx(tableOf(scope)).where({ id }).delete();
    const view = currentView(scope, row);
    await appendAudit(trx, scope.schema, scope.stamp, { action: 'saved_view.delete', object: view.object, details: { id, shared: row.shared, view } });
  });
}
