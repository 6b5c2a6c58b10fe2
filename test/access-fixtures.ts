import { asSystem, putMembership, type Principal, type Tessera } from '../packages/core/src/index.js';

/** What an API call answered. */
export interface Answer {
  status: number;
  body: Record<string, any>;
  text: string;
  headers: Headers;
}

/** A signed-in caller of the API (an API key), as one user of the test. */
export interface Caller {
  userId: string;
  email: string;
  request(method: string, path: string, body?: unknown): Promise<Answer>;
}

/** Calls the API with a bearer token (or none). */
export async function call(url: string, token: string | undefined, method: string, path: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const text = await response.text();
  let parsed: Record<string, any> = {};
  try {
    parsed = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) as Record<string, any> : {};
  } catch {
    parsed = {};
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

let counter = 0;

/**
 * A user with a membership (role, teams, regions) in each named workspace and an API key: every
 * scope unless `scopes` says otherwise, bound to `boundTo` when given.
 */
export async function makeCaller(tessera: Tessera, url: string, options: {
  memberships: { workspace: string; role: string; teams?: string[]; regions?: string[] }[];
  scopes?: string[];
  boundTo?: string;
  name?: string;
}): Promise<Caller> {
  counter += 1;
  const email = `${options.name ?? 'user'}${counter}@example.com`;
  const user = await tessera.accounts.createUser(asSystem('test'), { email, name: options.name ?? `user ${counter}`, password: 'correct horse battery staple' });
  for (const membership of options.memberships) {
    const workspace = await tessera.workspace(membership.workspace);
    await putMembership(tessera.database.knex, { userId: user.id, workspaceId: workspace.id, role: membership.role, teams: membership.teams ?? [], regions: membership.regions ?? [] });
  }
  tessera.access.forget();
  const principal: Principal = { kind: 'user', userId: user.id, label: email, platformAdmin: false };
  const scopes = options.scopes ?? ['records:read', 'records:write', 'records:export', 'records:import', 'records:reveal', 'blueprint:read', 'blueprint:write', 'admin'];
  const key = await tessera.accounts.createApiKey(principal, { name: 'test', scopes, ...(options.boundTo ? { workspace: options.boundTo } : {}) });
  return { userId: user.id, email, request: (method, path, body) => call(url, key.token, method, path, body) };
}
