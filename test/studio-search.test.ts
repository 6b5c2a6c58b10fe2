import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCaller } from './access-fixtures.js';
import { customerId, startStudioWorld, type StudioWorld } from './studio-data-fixtures.js';

/** Global search over HTTP: what each kind of field matches, per role, and hostile texts. */
let world: StudioWorld;
let codeOfZhang: string;

beforeAll(async () => {
  world = await startStudioWorld();
  const zhang = await world.callers.admin.request('GET', `/api/w/crm/data/customer/${customerId(1)}`);
  codeOfZhang = zhang.body.data.code as string;
}, 120_000);
afterAll(async () => world?.harness.close());

type Group = { object: string; label: Record<string, string>; records: { id: string; title: unknown; matched: string; values: Record<string, unknown> }[] };

async function search(who: keyof StudioWorld['callers'], q: string, extra = ''): Promise<Group[]> {
  const answer = await world.callers[who].request('GET', `/api/w/crm/search?q=${encodeURIComponent(q)}${extra}`);
  expect(answer.status).toBe(200);
  return answer.body.data as Group[];
}
const titles = (groups: Group[], object = 'customer') => groups.find((group) => group.object === object)?.records.map((record) => record.title) ?? [];
const matched = (groups: Group[]) => groups.flatMap((group) => group.records.map((record) => `${group.object}:${String(record.title)}:${record.matched}`));

describe('global search', () => {
  it('finds titles by prefix before parts, an equal title first, grouped by object with masked values', async () => {
    const found = await search('admin', '张三');
    expect(found.map((group) => group.object)).toEqual(['customer']);
    expect(found[0]!.label).toEqual({ 'zh-CN': '客户', en: 'Customer' });
    expect(titles(found)).toEqual(['张三', '张三丰']);
    expect(found[0]!.records[0]).toEqual({ id: customerId(1), title: '张三', matched: 'name', values: { phone: '138****0001', email: 'Z***@Example.com', region: 'east' } });
    expect(titles(await search('admin', '三'))).toEqual(['张三', '张三丰']);
  });

  it('finds a phone number however it is typed, exactly, encrypted ones through their blind index', async () => {
    for (const q of ['13800000001', '+86 138-0000-0001', '(138) 0000 0001']) expect(matched(await search('admin', q))).toEqual(['customer:张三:phone']);
    expect(matched(await search('admin', '139 0000 0001'))).toEqual(['customer:张三:mobile']);
    expect(await search('admin', '1380000000')).toEqual([]);
    expect(await search('admin', '13900')).toEqual([]);
  });

  it('finds an email exactly and in any case, never by a part of it', async () => {
    expect(matched(await search('admin', 'zhang.san@EXAMPLE.com'))).toEqual(['customer:张三:email']);
    expect(matched(await search('admin', ' ZS@private.cn '))).toEqual(['customer:张三:private_email']);
    expect(await search('admin', 'zhang.san@')).toEqual([]);
  });

  it('finds numbers by exact value or prefix: order numbers and autonumbers', async () => {
    expect(titles(await search('admin', 'so-2026-0'), 'order')).toEqual(['SO-2026-001', 'SO-2026-002', 'SO-2026-013']);
    expect(titles(await search('admin', 'SO-2026-0', '&limit=2'), 'order')).toEqual(['SO-2026-001', 'SO-2026-002']);
    expect(matched(await search('admin', codeOfZhang))).toEqual(['customer:张三:code']);
    expect(matched(await search('admin', codeOfZhang.slice(0, 4))).length).toBe(5);
  });

  it('takes LIKE wildcards in the text literally', async () => {
    expect(titles(await search('admin', '%'))).toEqual(['王五 100%_off']);
    expect(titles(await search('admin', '0%_'))).toEqual(['王五 100%_off']);
    expect(await search('admin', '_')).toHaveLength(1);
    expect(await search('admin', '\\')).toEqual([]);
    expect(await search('admin', "' OR 1=1 --")).toEqual([]);
  });

  it('searches only the rows, objects and fields the caller may read', async () => {
    expect(titles(await search('s1', '张'))).toEqual(['张三', '张三丰']);
    expect(await search('s3', '张三')).toEqual([]);
    expect(titles(await search('s3', '李'))).toEqual(['李四']);
    // no_phone reads neither phones nor orders: searching by them must not reveal the records.
    expect(await search('noPhone', '13800000001')).toEqual([]);
    expect(await search('noPhone', '13900000001')).toEqual([]);
    expect(await search('noPhone', 'SO-2026')).toEqual([]);
    const named = await search('noPhone', '张三');
    expect(named[0]!.records[0]!.values).toEqual({ email: 'Z***@Example.com', region: 'east', code: codeOfZhang });
  });

  it('leaves deleted records out', async () => {
    expect(titles(await search('admin', '赵六'))).toEqual(['赵六']);
    expect((await world.callers.admin.request('DELETE', `/api/w/crm/data/customer/${customerId(5)}`)).status).toBe(200);
    expect(await search('admin', '赵六')).toEqual([]);
    expect((await world.callers.admin.request('POST', `/api/w/crm/data/customer/${customerId(5)}/restore`)).status).toBe(200);
  });

  it('refuses a missing, blank, too long or repeated text, a bad limit and unknown parameters (400)', async () => {
    const text = 'q must be a text of 1 to 100 characters';
    const limit = 'limit must be an integer from 1 to 20';
    const cases: [string, string][] = [
      ['', text], ['?q=', text], ['?q=%20%20%20', text], [`?q=${'长'.repeat(101)}`, text], ['?q=a&q=b', text],
      ['?q=%00', 'q must not hold a NUL character'],
      ['?q=a&limit=0', limit], ['?q=a&limit=21', limit], ['?q=a&limit=x', limit], ['?q=a&sort=name', 'unknown parameter "sort"'],
    ];
    for (const [query, reason] of cases) {
      const answer = await world.callers.admin.request('GET', `/api/w/crm/search${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'INVALID_QUERY', messages: { en: `Invalid query: ${reason}` } });
    }
    expect((await world.callers.admin.request('GET', `/api/w/crm/search?q=${'长'.repeat(100)}`)).status).toBe(200);
  });

  it('is not found in a workspace the caller is no member of, and needs the records:read scope', async () => {
    const other = await world.callers.admin.request('GET', '/api/w/other/search?q=张三');
    expect(other.status).toBe(404);
    const writer = await makeCaller(world.tessera, world.harness.url, { memberships: [{ workspace: 'crm', role: 'admin' }], scopes: ['records:write'] });
    const denied = await writer.request('GET', '/api/w/crm/search?q=张三');
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('SCOPE_DENIED');
  });
});
