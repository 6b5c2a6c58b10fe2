/** Good enough to tell an address from noise; the record validator applies the full format after. */
const shape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An email address as stored: full-width characters made half-width (＠ → @), "mailto:", spaces
 * and wrapping brackets removed, lower-cased (domains are case-blind, and in practice so are
 * mailboxes). Undefined when it has no address shape.
 */
export function normalizeEmail(text: string): string | undefined {
  const value = text.normalize('NFKC').trim().replace(/^mailto:/i, '').replace(/^<(.*)>$/, '$1').replace(/\s+/g, '').toLowerCase();
  return shape.test(value) ? value : undefined;
}
