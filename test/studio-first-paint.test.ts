import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkWrite } from '../packages/core/src/index.js';
import { templateBlueprint } from '../packages/server/src/templates.js';
import { makeCaller } from './access-fixtures.js';
import { startApiHarness, type ApiHarness, type SessionClient } from './api-harness.js';
import { buildStudio } from './build-studio.js';

const hostile = '</script><script>alert(1)</script>$& <b>x</b>';

/** A studio page as a browser would GET it with this cookie (and language cookie). */
async function page(api: ApiHarness, path: string, cookie?: string): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(`${api.url}${path}`, { headers: cookie ? { cookie } : {} });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** The query cache the painted page hands the studio (window.__tesseraFirstPaint). */
function paintedState(html: string): { queries: { queryKey: unknown[]; state: { data: any } }[] } {
  const json = /<script>window\.__tesseraFirstPaint=(.*?)<\/script>/s.exec(html)?.[1];
  if (!json) throw new Error('the page was not painted');
  return JSON.parse(json) as { queries: { queryKey: unknown[]; state: { data: any } }[] };
}

/** The server's first paint of records pages (packages/server/src/http/first-paint.ts, packages/studio/src/first-paint). */
describe('studio first paint', () => {
  let api: ApiHarness;
  let studioDir: string;
  let admin: SessionClient;

  beforeAll(async () => {
    studioDir = await buildStudio();
    api = await startApiHarness({ studioDir });
    await api.tessera.createWorkspace('default', await templateBlueprint('retail'), 'test');
    const context = await api.tessera.system('default', 'first paint test');
    await bulkWrite(context, 'customers', 'create', [{ name: '王小明' }, { name: hostile }]);
    admin = await api.signIn(api.admin.email, api.admin.password);
  });

  afterAll(async () => {
    await api?.close();
    if (studioDir) await rm(studioDir, { recursive: true, force: true });
  });

  it('paints a records table with its rows, inert, never cached, and the answers the studio starts from', async () => {
    const { status, html, headers } = await page(api, '/w/default/records/customers', admin.cookie);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/html');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<div id="root"><div data-first-paint="" inert="" aria-hidden="true">');
    expect(html).toContain('王小明');
    expect(html).toContain('class="ant-table-row');
    // Nothing to type into or press before the studio has taken over.
    expect(html).not.toMatch(/<(button|input|textarea|select)\b(?![^>]*\bdisabled)/);
    const keys = paintedState(html).queries.map((query) => query.queryKey[0]);
    expect(keys).toEqual(expect.arrayContaining(['session', 'model', 'records']));
    // The studio's scripts follow the painted rows.
    expect(html.indexOf('data-first-paint')).toBeLessThan(html.indexOf('<script type="module"'));
  });

  it('links antd\'s styles as a stylesheet named by its content, cached for good', async () => {
    const { html } = await page(api, '/w/default/records/customers', admin.cookie);
    const href = /<link rel="stylesheet" href="(\/first-paint\/[0-9a-f]{16}\.css)">/.exec(html)?.[1];
    expect(href).toBeDefined();
    const sheet = await fetch(`${api.url}${href!}`);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toContain('text/css');
    expect(sheet.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await sheet.text()).toContain('.ant-table');
    expect((await fetch(`${api.url}/first-paint/0000000000000000.css`)).status).toBe(404);
  });

  it('keeps a hostile value text: escaped in the markup and in the JSON, a "$&" left as typed', async () => {
    const { html } = await page(api, '/w/default/records/customers', admin.cookie);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;$&amp; &lt;b&gt;x&lt;/b&gt;');
    const rows = paintedState(html).queries.find((query) => query.queryKey[0] === 'records')!.state.data.data as { name: string }[];
    expect(rows.map((row) => row.name)).toContain(hostile);
  });

  it('sends the plain studio page to anyone without a valid session, and for pages it does not paint', async () => {
    const record = (await admin.request('GET', '/api/w/default/data/customers?limit=1')).body.data[0].id as string;
    const plain = [
      await page(api, '/w/default/records/customers'),
      await page(api, '/w/default/records/customers', 'tessera_session=forged'),
      await page(api, '/w/default/records/no_such_object', admin.cookie),
      await page(api, '/w/nowhere/records/customers', admin.cookie),
      await page(api, `/w/default/records/customers/${record}`, admin.cookie),
      await page(api, '/w/default/build/objects', admin.cookie),
    ];
    for (const { status, html } of plain) {
      expect(status).toBe(200);
      expect(html).toContain('<div id="root"></div>');
      expect(html).not.toContain('__tesseraFirstPaint=');
    }
  });

  it('paints each visitor\'s page as that visitor, in their language, when several paint at once', async () => {
    const member = await makeCaller(api.tessera, api.url, { memberships: [{ workspace: 'default', role: 'admin' }], name: 'painted' });
    const other = await api.signIn(member.email, 'correct horse battery staple');
    const [mine, theirs] = await Promise.all([
      page(api, '/w/default/records/customers', admin.cookie),
      page(api, '/w/default/records/customers', `${other.cookie}; tessera_locale=en`),
    ]);
    const email = (html: string) => paintedState(html).queries.find((query) => query.queryKey[0] === 'session')!.state.data.user.email as string;
    expect(email(mine.html)).toBe(api.admin.email);
    expect(email(theirs.html)).toBe(member.email);
    expect(mine.html).toContain('>客户<');
    // A time zone cookie the server's Intl does not know is left out, not an error.
    for (const zone of ['Mars%2FOlympus', '%3C%2Fscript%3E', 'x'.repeat(100)]) {
      const painted = await page(api, '/w/default/records/customers', `${admin.cookie}; tessera_tz=${zone}`);
      expect(painted.html).toContain('data-first-paint');
    }
    expect(theirs.html).toContain('>Customers<');
    expect(theirs.html).not.toContain('>客户<');
  });
});
