import { afterEach, describe, expect, it } from 'vitest';
import { trustProxyFrom } from '../packages/server/src/index.js';
import { startApiHarness, type ApiHarness } from './api-harness.js';

/** The client address the audit log and the sign-in limit see, with and without a trusted proxy. */
describe('client address behind a proxy', () => {
  let api: ApiHarness | undefined;
  afterEach(async () => { await api?.close(); api = undefined; });

  async function auditedIp(harness: ApiHarness): Promise<string> {
    await harness.anonymous('POST', '/api/auth/sign-in', { email: 'nobody@example.com', password: 'wrong password 123' }, { 'x-forwarded-for': '203.0.113.9' });
    const row = await harness.tessera.database.knex('tessera.platform_audit').where({ target: 'nobody@example.com' }).orderBy('id', 'desc').first('ip');
    return String(row.ip);
  }

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    api = await startApiHarness();
    expect(await auditedIp(api)).toBe('127.0.0.1');
  });

  it('takes the client from X-Forwarded-For when the proxy is trusted (TESSERA_TRUST_PROXY)', async () => {
    api = await startApiHarness({ trustProxy: '127.0.0.1' });
    expect(await auditedIp(api)).toBe('203.0.113.9');
  });

  it('reads TESSERA_TRUST_PROXY', () => {
    expect(trustProxyFrom(undefined)).toBeUndefined();
    expect(trustProxyFrom('false')).toBeUndefined();
    expect(trustProxyFrom('true')).toBe(true);
    expect(trustProxyFrom('10.0.0.0/8,127.0.0.1')).toBe('10.0.0.0/8,127.0.0.1');
  });
});
