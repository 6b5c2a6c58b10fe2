import type { DocumentKind } from './document-schemas.js';

/** Which document of a blueprint is open: the whole blueprint, or one object, view or form by id. */
export type DocumentRef = { kind: 'blueprint' } | { kind: Exclude<DocumentKind, 'blueprint'>; id: string };

/** A ref as one string (a select's value, the page's ?doc= parameter): "blueprint", "view:open_orders". */
export function refKey(ref: DocumentRef): string {
  return ref.kind === 'blueprint' ? 'blueprint' : `${ref.kind}:${ref.id}`;
}

/** The ref of a key written by refKey; the whole blueprint for anything else. */
export function parseRefKey(key: string | null | undefined): DocumentRef {
  const match = /^(object|view|form):(.+)$/.exec(key ?? '');
  return match ? { kind: match[1] as 'object' | 'view' | 'form', id: match[2]! } : { kind: 'blueprint' };
}
