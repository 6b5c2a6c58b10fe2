/** Accounts: users, argon2id passwords, sign-in with lock-out, studio sessions, API keys, the platform audit query. */
export { Accounts } from './accounts.js';
export type { User } from './user.js';
export type { SignedIn } from './sign-in.js';
export type { ResolvedSession } from './resolve-session.js';
export type { NewUser } from './create-user.js';
export type { UserChanges } from './update-user.js';
export type { ApiKey } from './api-key.js';
export type { NewApiKey, CreatedApiKey } from './create-api-key.js';
export type { UserWorkspace } from './user-workspaces.js';
export type { FirstAdmin } from './ensure-first-admin.js';
export type { PlatformAuditEvent, PlatformAuditPage, PlatformAuditQuery } from './list-platform-audit.js';
export { requirePlatformAdmin, requireSessionUser } from './principal-checks.js';
export { passwordLimits } from './password-policy.js';
export { passwordHashOptions } from './password-hash.js';
export { sessionLifetime } from './session-lifetime.js';
export { lockout } from './sign-in-failures.js';
export { defaultAdminEmail } from './ensure-first-admin.js';
