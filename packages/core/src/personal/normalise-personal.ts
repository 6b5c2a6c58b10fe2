/**
 * The form of a value its blind index is computed from, so that values a person would call equal
 * find each other: email trimmed and lower-cased (mailbox names are case-insensitive in practice);
 * phone as stored (the phone format already stores E.164); any other kind (text, long_text, url…)
 * NFKC-normalised (full-width and half-width forms agree), trimmed, inner whitespace collapsed to
 * one space. The same function must serve writing the index and looking it up.
 */
export function normaliseForIndex(kind: string, value: string): string {
  switch (kind) {
    case 'email':
      return value.trim().toLowerCase();
    case 'phone':
      return value;
    default:
      return value.normalize('NFKC').trim().replace(/\s+/gu, ' ');
  }
}
