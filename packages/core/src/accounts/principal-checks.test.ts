import { describe, expect, it } from 'vitest';
import { asSystem, type Principal } from '../access/index.js';
import { requirePlatformAdmin, requireSessionUser } from './principal-checks.js';

const admin: Principal = { kind: 'user', userId: 'u', label: 'a@example.com', platformAdmin: true };

describe('principal checks', () => {
  it('lets platform admins, system mode and unbound admin-scoped keys of admins administer the platform', () => {
    expect(() => requirePlatformAdmin(admin)).not.toThrow();
    expect(() => requirePlatformAdmin(asSystem('test'))).not.toThrow();
    expect(() => requirePlatformAdmin({ ...admin, kind: 'api_key', scopes: ['admin'] })).not.toThrow();
  });

  it('refuses everyone else with the reason as the code', () => {
    expect(() => requirePlatformAdmin({ ...admin, platformAdmin: false })).toThrow(expect.objectContaining({ code: 'FORBIDDEN', status: 403 }));
    expect(() => requirePlatformAdmin({ ...admin, kind: 'api_key', scopes: ['records:read'] })).toThrow(expect.objectContaining({ code: 'SCOPE_DENIED', status: 403, params: { scope: 'admin' } }));
    expect(() => requirePlatformAdmin({ ...admin, kind: 'api_key', scopes: ['admin'], workspaceId: 1 })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => requirePlatformAdmin({ ...admin, kind: 'api_key', scopes: ['admin'], platformAdmin: false })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('keeps what only a person may do to signed-in sessions', () => {
    expect(() => requireSessionUser(admin)).not.toThrow();
    expect(() => requireSessionUser({ ...admin, kind: 'api_key', scopes: ['admin'] })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => requireSessionUser(asSystem('test'))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
