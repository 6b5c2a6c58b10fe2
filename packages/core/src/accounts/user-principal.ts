import type { Principal, RequestSource } from '../access/index.js';

/** The principal of a signed-in user: the user's id, the email as label. */
export function userPrincipal(user: { id: string; email: string; platform_admin: boolean }, source?: RequestSource): Principal {
  return { kind: 'user', userId: user.id, label: user.email, platformAdmin: user.platform_admin, ...(source ? { source } : {}) };
}
