import type { Knex } from 'knex';
import type { Principal, RequestSource } from '../access/index.js';
import { appendPlatformAudit } from '../audit/index.js';
import type { ApiKey } from './api-key.js';
import { changePassword } from './change-password.js';
import { createApiKey, type CreatedApiKey, type NewApiKey } from './create-api-key.js';
import { createUser, type NewUser } from './create-user.js';
import { describePrincipal, type PrincipalDescription } from './describe-principal.js';
import { ensureFirstAdmin, type FirstAdmin } from './ensure-first-admin.js';
import { listApiKeys } from './list-api-keys.js';
import { listPlatformAudit, type PlatformAuditPage, type PlatformAuditQuery } from './list-platform-audit.js';
import { getUser, listUsers } from './list-users.js';
import { resolveApiKey } from './resolve-api-key.js';
import { resolveSession, type ResolvedSession } from './resolve-session.js';
import { revokeApiKey } from './revoke-api-key.js';
import { revokeSession } from './revoke-sessions.js';
import { setPassword } from './set-password.js';
import { signIn, type SignedIn } from './sign-in.js';
import { updateUser, type UserChanges } from './update-user.js';
import type { User } from './user.js';
import { workspacesOf, type UserWorkspace } from './user-workspaces.js';
import { PrincipalCache, stampSource } from './principal-cache.js';

/**
 * Users, sign-in, sessions and API keys over the platform tables (schema `tessera`). Operations on
 * other users take the acting principal and check it (platform admins only); `asSystem()` is the
 * named way past that. Every method delegates to one operation of its own file.
 */
export class Accounts {
  private readonly sessions: PrincipalCache<ResolvedSession>;
  private readonly keys: PrincipalCache<Principal>;

  /** `principalCacheMs`: how long a resolved token is trusted before it is read again (principal-cache.ts). */
  constructor(private readonly knex: Knex, options: { principalCacheMs?: number } = {}) {
    this.sessions = new PrincipalCache(options.principalCacheMs ?? 1000);
    this.keys = new PrincipalCache(options.principalCacheMs ?? 1000);
  }

  /** Forgets resolved tokens: every revocation through this process calls it. */
  private revoked<T>(done: Promise<T>): Promise<T> {
    return done.finally(() => {
      this.sessions.clear();
      this.keys.clear();
    });
  }

  /** Signs in; see sign-in.ts (INVALID_CREDENTIALS, ACCOUNT_LOCKED). */
  signIn(email: unknown, password: unknown, source: RequestSource = {}): Promise<SignedIn> {
    return signIn(this.knex, email, password, source);
  }

  /** Ends the session of a cookie token (audited as `auth.sign_out` when it was live). */
  async signOut(token: string, principal?: Principal): Promise<void> {
    const ended = await this.revoked(revokeSession(this.knex, token));
    if (ended && principal) await appendPlatformAudit(this.knex, { action: 'auth.sign_out', principal, target: principal.label });
  }

  /** The live session of a cookie token, or undefined. */
  resolveSession(token: string, source?: RequestSource): Promise<ResolvedSession | undefined> {
    return this.sessions.get(token, () => resolveSession(this.knex, token, source), (session) => ({ ...session, principal: stampSource(session.principal, source) }));
  }

  /** The principal of an API key token, or undefined. */
  resolveApiKey(token: string, source?: RequestSource): Promise<Principal | undefined> {
    return this.keys.get(token, () => resolveApiKey(this.knex, token, source), (principal) => stampSource(principal, source));
  }

  /** Creates a user (platform admins only). */
  createUser(actor: Principal, input: NewUser): Promise<User> {
    return createUser(this.knex, actor, input);
  }

  /** Every user (platform admins only). */
  listUsers(actor: Principal): Promise<User[]> {
    return listUsers(this.knex, actor);
  }

  /** One user (a platform admin, or the user themselves). */
  getUser(actor: Principal, id: unknown): Promise<User> {
    return getUser(this.knex, actor, id);
  }

  /** Renames, promotes/demotes, suspends/reinstates a user (platform admins only). */
  updateUser(actor: Principal, id: unknown, changes: UserChanges): Promise<User> {
    return this.revoked(updateUser(this.knex, actor, id, changes));
  }

  /** An admin's password reset (platform admins only); ends the user's sessions. */
  setPassword(actor: Principal, id: unknown, password: unknown): Promise<void> {
    return this.revoked(setPassword(this.knex, actor, id, password));
  }

  /** The signed-in user's own password change; ends every session of the user. */
  changePassword(principal: Principal, current: unknown, next: unknown): Promise<void> {
    return this.revoked(changePassword(this.knex, principal, current, next));
  }

  /** Creates an API key for the signed-in user; the token is in the answer only. */
  createApiKey(principal: Principal, input: NewApiKey): Promise<CreatedApiKey> {
    return createApiKey(this.knex, principal, input);
  }

  /** The signed-in user's API keys. */
  listApiKeys(principal: Principal): Promise<ApiKey[]> {
    return listApiKeys(this.knex, principal);
  }

  /** Revokes one of the signed-in user's API keys. */
  revokeApiKey(principal: Principal, id: unknown): Promise<ApiKey> {
    return this.revoked(revokeApiKey(this.knex, principal, id));
  }

  /** The workspaces a principal may open, with its role in each. */
  workspacesOf(principal: Principal): Promise<UserWorkspace[]> {
    return workspacesOf(this.knex, principal);
  }

  /** The user behind a principal and the workspaces it may open (GET /api/auth/session). */
  describe(principal: Principal): Promise<PrincipalDescription> {
    return describePrincipal(this.knex, principal);
  }

  /** A page of the platform audit log (platform admins only). */
  listAudit(actor: Principal, query: PlatformAuditQuery): Promise<PlatformAuditPage> {
    return listPlatformAudit(this.knex, actor, query);
  }

  /** At startup: creates the first platform admin when there is none. */
  ensureFirstAdmin(options: { email?: string; password?: string } = {}): Promise<FirstAdmin> {
    return ensureFirstAdmin(this.knex, options);
  }
}
