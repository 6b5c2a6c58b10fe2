import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './api-harness.js';

/** The guides the studio links to are served as text, and nothing else of the repository is. */
describe('docs served to the studio', () => {
  let api: ApiHarness;
  beforeAll(async () => { api = await startApiHarness(); });
  afterAll(async () => { await api?.close(); });

  it('serves docs/*.md as plain text without sign-in', async () => {
    const response = await fetch(`${api.url}/docs/accounts-and-access.md`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toContain('# Accounts, workspaces, permissions, audit and personal data');
  });

  it('serves nothing outside docs/', async () => {
    for (const path of ['/docs/../package.json', '/docs/%2e%2e/package.json', '/docs/..%2fREADME.md', '/docs/guide.md%00.txt']) {
      const response = await fetch(`${api.url}${path}`);
      const text = await response.text();
      expect(text).not.toContain('"name": "tessera"');
      expect(text).not.toContain('# Tessera\n');
    }
  });
});
