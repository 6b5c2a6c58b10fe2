import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tessera } from '../tessera.js';
import { openTestDatabase } from '../testing/index.js';
import { asSystem, type Principal } from '../access/index.js';
import { platformSchema } from '../db/index.js';
import { archiveWorkspace, listWorkspaces, renameWorkspace, restoreWorkspace } from './index.js';
import { clientBlueprint } from './test-fixtures.js';

let tessera: Tessera;
const admin = asSystem('test');
const someone: Principal = { kind: 'user', userId: 'u1', label: 'someone@example.com', platformAdmin: false };
const auditOf = (target: string) => tessera.database.knex(`${platformSchema}.platform_audit`).where({ target }).orderBy('id').pluck('action');

describe('listing, renaming, archiving and restoring workspaces', () => {
  beforeAll(async () => {
    tessera = await Tessera.attach(await openTestDatabase());
    await tessera.createWorkspace('acme', clientBlueprint(), 'test');
    await tessera.createWorkspace('zeta', clientBlueprint(), 'test');
  });
  afterAll(async () => tessera.close());

  it('lists every workspace by slug with its name, template, version and dates', async () => {
    const list = await listWorkspaces(tessera.database.knex);
    expect(list.map((item) => item.slug)).toEqual(['acme', 'zeta']);
    expect(list[0]).toMatchObject({ slug: 'acme', name: null, template: null, version: 1, archivedAt: null });
    expect(new Date(list[0]!.createdAt).toISOString()).toBe(list[0]!.createdAt);
  });

  it('renames the display name only, verbatim, and audits it', async () => {
    const name = `Robert'); DROP TABLE tessera.workspaces;-- 客户`;
    expect(await renameWorkspace(tessera, 'acme', name, admin)).toMatchObject({ slug: 'acme', name });
    expect((await listWorkspaces(tessera.database.knex))[0]).toMatchObject({ slug: 'acme', name });
    expect((await tessera.workspace('acme')).schema).toBe('ws_acme');
    expect(await auditOf('acme')).toEqual(['workspace.rename']);
  });

  it('refuses names that are blank, too long, not text or hold control characters', async () => {
    for (const name of ['', '   ', 'x'.repeat(101), 'a\u0000b', 'a\nb', 42, null, ['x']]) {
      await expect(renameWorkspace(tessera, 'acme', name, admin)).rejects.toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    }
    expect((await renameWorkspace(tessera, 'acme', '客'.repeat(100), admin)).name).toHaveLength(100);
  });

  it('answers NOT_FOUND for an unknown slug', async () => {
    await expect(renameWorkspace(tessera, 'nope', 'x', admin)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(archiveWorkspace(tessera, 'nope', admin)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('archives: data and blueprint access are not found at once, the platform list still shows it', async () => {
    await tessera.database.knex('ws_zeta.teams').insert({ name: 'north' });
    const archived = await archiveWorkspace(tessera, 'zeta', admin);
    expect(archived.archivedAt).not.toBeNull();
    await expect(tessera.workspace('zeta')).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await expect(tessera.versions('zeta')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(tessera.workspaces.load('zeta')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Plan and apply (as the CLI calls them) lock the workspace row, which an archived one no longer matches.
    await expect(tessera.apply('zeta', clientBlueprint(), { actor: 'test' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(tessera.plan('zeta', clientBlueprint(), { actor: 'test' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listWorkspaces(tessera.database.knex)).map((item) => item.slug)).toEqual(['acme']);
    expect((await listWorkspaces(tessera.database.knex, { includeArchived: true })).map((item) => [item.slug, item.archivedAt !== null])).toEqual([['acme', false], ['zeta', true]]);
    expect((await tessera.workspaces.list()).map((item) => item.slug)).toEqual(['acme']);
    expect((await archiveWorkspace(tessera, 'zeta', admin)).archivedAt).toBe(archived.archivedAt);
  });

  it('restores: the workspace and its records are back', async () => {
    expect((await restoreWorkspace(tessera, 'zeta', admin)).archivedAt).toBeNull();
    const workspace = await tessera.workspace('zeta');
    expect(await tessera.database.knex(`${workspace.schema}.teams`).pluck('name')).toEqual(['north']);
    expect(await auditOf('zeta')).toEqual(['workspace.archive', 'workspace.restore']);
  });

  it('another process sees an archive within the recheck interval', async () => {
    const other = new (tessera.workspaces.constructor as new (knex: unknown, recheckMs: number) => typeof tessera.workspaces)(tessera.database.knex, 0);
    await other.get('zeta');
    await archiveWorkspace(tessera, 'zeta', admin);
    await expect(other.get('zeta')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await restoreWorkspace(tessera, 'zeta', admin);
    expect((await other.get('zeta')).slug).toBe('zeta');
  });

  it('is for platform admins only', async () => {
    await expect(renameWorkspace(tessera, 'acme', 'x', someone)).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    await expect(archiveWorkspace(tessera, 'acme', someone)).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect((await tessera.workspace('acme')).slug).toBe('acme');
  });
});
