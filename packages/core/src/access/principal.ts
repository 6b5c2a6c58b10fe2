/** Where a request came from, kept in the audit log ("from where"). */
export interface RequestSource {
  ip?: string;
  requestId?: string;
  userAgent?: string;
  /** The surface: api, studio, cli, import, plugin, workflow, system. */
  channel?: string;
}

/**
 * Who is acting. Every data operation runs as a principal; the access policy of its membership
 * in the workspace decides what it may do. `system` principals come only from `asSystem()`.
 */
export interface Principal {
  kind: 'user' | 'api_key' | 'system';
  /** The user's id (an API key acts as its owner's id); `system:<reason>` for system mode. */
  userId: string;
  /** Email, key name or the system reason: what the audit log shows. */
  label: string;
  /** Platform admins (implementers) manage every workspace and act as its workspace admin. */
  platformAdmin: boolean;
  /** An API key's scopes (see access/README.md); absent for sessions, whose user has every scope. */
  scopes?: readonly string[];
  /** An API key bound to one workspace may only act there. */
  workspaceId?: number;
  source?: RequestSource;
}

/**
 * The named, greppable way into system mode: privileged code (bootstrap, templates, the CLI,
 * migrations, background jobs acting for the platform) says why it needs it.
 */
export function asSystem(reason: string, source?: RequestSource): Principal {
  return { kind: 'system', userId: `system:${reason}`, label: `system:${reason}`, platformAdmin: true, ...(source ? { source } : {}) };
}
