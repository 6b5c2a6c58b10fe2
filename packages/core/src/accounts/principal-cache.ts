import type { RequestSource } from '../access/index.js';

interface Entry<T> {
  value: T | undefined;
  at: number;
}

/**
 * What a session or API key token resolved to, kept for `ttlMs` (1 s by default) so that a busy
 * client does not cost one more database round trip per request. Revocations made through this
 * process (sign-out, password change or reset, suspension, key revocation) clear it at once;
 * those made by another server process apply within the TTL, like memberships and roles (see
 * access/access-resolver.ts). Nothing here is the only copy of any state.
 */
export class PrincipalCache<T extends object> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly ttlMs: number, private readonly maxEntries = 10_000) {}

  /** The value for a token, resolving it when unknown or stale; `withSource` stamps this request's source. */
  async get(token: string, resolve: () => Promise<T | undefined>, withSource: (value: T) => T): Promise<T | undefined> {
    const now = Date.now();
    const known = this.entries.get(token);
    if (known && now - known.at < this.ttlMs) return known.value === undefined ? undefined : withSource(known.value);
    const value = await resolve();
    if (this.ttlMs > 0) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(token, { value, at: now });
    }
    return value;
  }

  /** Forgets everything (after any revocation in this process). */
  clear(): void {
    this.entries.clear();
  }
}

/** A copy of a value whose `principal` (or itself, for a principal) carries this request's source. */
export function stampSource<T extends { source?: RequestSource }>(value: T, source: RequestSource | undefined): T {
  return source ? { ...value, source } : value;
}
