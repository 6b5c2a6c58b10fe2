/**
 * The cost of access rules on the hottest read: the list query of benchmark 2 over 1,000,000
 * customers, as a restricted role (a row rule and five hidden fields) against the same query as
 * the workspace admin, in the same run. The restricted role's SQL carries the row rule
 * (`province IN (…)`) and selects fewer columns; the engine checks every named field against the
 * role first.
 *
 * Run alone: npx tsx bench/restricted-list.ts (loads the dataset; BENCH_REUSE_DB=1 reuses it).
 */
import { Tessera, asSystem, listRecords, putMembership, saveRole, type Principal, type Role } from '../packages/core/src/index.js';
import { mainParams, interleave, rows } from './list-query.js';
import { runAloneOnListDataset, type ListDataset } from './list-dataset.js';
import { fmt, isMain, progress, type BenchReport } from './report.js';

const hidden = ['email', 'province', 'level', 'orders_count', 'last_order_at'];

/** East-China staff: customers of two provinces, without contact email, level or order figures. */
const restrictedRole: Role = {
  name: 'east_sales',
  label: { 'zh-CN': '华东销售', en: 'East China sales' },
  objects: {
    customers: {
      actions: ['read'],
      fields: { '*': 'read', ...Object.fromEntries(hidden.map((field) => [field, 'none' as const])) },
      rows: { field: 'province', op: 'in', value: '$user.regions' },
    },
  },
};

async function principalFor(tessera: Tessera, slug: string, role: string, regions: string[], email: string): Promise<Principal> {
  const knex = tessera.database.knex;
  const existing = await knex('tessera.users').where({ email }).first('id') as { id: string } | undefined;
  const id = existing?.id ?? (await tessera.accounts.createUser(asSystem('bench'), { email, name: email, password: 'bench password 0123456789' })).id;
  const workspace = await tessera.workspace(slug);
  await putMembership(knex, { userId: id, workspaceId: workspace.id, role, teams: [], regions });
  return { kind: 'user', userId: id, label: email, platformAdmin: false };
}

export async function runRestrictedList(dataset: ListDataset, options: { warmup?: number; iterations?: number } = {}): Promise<BenchReport> {
  const warmup = options.warmup ?? 100;
  const iterations = options.iterations ?? 1000;
  const tessera = await Tessera.open({ databaseUrl: dataset.url });
  try {
    const workspace = await tessera.workspace(dataset.slug);
    await tessera.database.knex.transaction((trx) => saveRole(trx, workspace.id, restrictedRole, 'bench'));
    const adminUser = await principalFor(tessera, dataset.slug, 'admin', [], 'bench-admin@example.com');
    const restrictedUser = await principalFor(tessera, dataset.slug, 'east_sales', ['浙江省', '江苏省'], 'bench-east@example.com');
    const admin = await tessera.data(dataset.slug, adminUser);
    const restricted = await tessera.data(dataset.slug, restrictedUser);
    const adminPage = await listRecords(admin, 'customers', mainParams);
    const restrictedPage = await listRecords(restricted, 'customers', mainParams);
    if (restrictedPage.data.length !== 50 || adminPage.data.length !== 50) throw new Error('both sides must return a full page');
    if (hidden.some((field) => field in restrictedPage.data[0]!)) throw new Error('a hidden field reached the restricted page');

    progress(`restricted-list: ${warmup} warm-up + ${iterations} interleaved rounds`);
    const timings = await interleave({
      restricted: async () => listRecords(await tessera.data(dataset.slug, restrictedUser), 'customers', mainParams),
      admin: async () => listRecords(await tessera.data(dataset.slug, adminUser), 'customers', mainParams),
      restrictedDefault: async () => listRecords(await tessera.data(dataset.slug, restrictedUser), 'customers', { limit: '50' }),
      adminDefault: async () => listRecords(await tessera.data(dataset.slug, adminUser), 'customers', { limit: '50' }),
    }, warmup, iterations);
    return {
      name: 'restricted-list',
      title: `List of ${fmt(dataset.rows)} customers as a restricted role (row rule + ${hidden.length} hidden fields) vs as the workspace admin`,
      reference: 'the same listRecords call as the workspace admin (no row rule, every field), interleaved in the same run',
      comparisons: [
        ...rows('city = 杭州市 AND total_spent >= 1000, sort -total_spent, 50 rows', timings.restricted!, timings.admin!, '<= 1.3'),
        ...rows('info: default list (no filter, sort -created_at): the row rule skips rows of other provinces', timings.restrictedDefault!, timings.adminDefault!),
      ],
      notes: [
        `restricted role: rows { province in $user.regions } with regions [浙江省, 江苏省]; hidden: ${hidden.join(', ')}; its page has ${Object.keys(restrictedPage.data[0]!).length} keys per record against ${Object.keys(adminPage.data[0]!).length} for the admin.`,
        `params: ${JSON.stringify(mainParams)}; every call on both sides starts with tessera.data(slug, principal), as a request does: the workspace, the membership and role (re-read from the database at most once a second) and the policy (shared while the role and facts stay the same).`,
        `method: ${warmup} warm-up rounds, then ${iterations} rounds, each running both sides once, one query in flight, rotating which goes first; the target applies to the median.`,
      ],
    };
  } finally {
    await tessera.close();
  }
}

if (isMain(import.meta.url)) await runAloneOnListDataset((dataset) => runRestrictedList(dataset));
