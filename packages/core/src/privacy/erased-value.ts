import { createHash } from 'node:crypto';
import type { Field } from '../documents/index.js';

/** What an erased required text field holds. */
export const erasedText = '已删除 / erased';

const placeholderShapes: Partial<Record<Field['type'], RegExp>> = {
  text: /^已删除 \/ erased(?: [0-9a-f]{12})?$/,
  long_text: /^已删除 \/ erased(?: [0-9a-f]{12})?$/,
  email: /^erased\+[0-9a-f]{12}@example\.invalid$/,
  // +86 100 is no number plan's range (mobile numbers start 13-19, Beijing's 010 numbers have 8 digits).
  phone: /^\+86100\d{8}$/,
  url: /^https:\/\/example\.invalid\/erased\/[0-9a-f]{12}$/,
};

/** 12 hex digits from the record id (and, after a clash, the attempt): the same every run. */
function idHash(recordId: string, attempt: number): string {
  return createHash('sha256').update(attempt === 0 ? recordId : `${recordId}#${attempt}`).digest('hex').slice(0, 12);
}

/**
 * The placeholder a required personal field takes when its record is erased, or undefined when
 * its type has none (erasure then refuses, naming the field: the blueprint should make it
 * optional). Text says so in both languages; email and url use the reserved `.invalid` domain;
 * phone a number of the unassigned +86 100 range that the phone format still accepts. Each is
 * derived from the record id, so a unique field stays unique (`attempt` picks another after a clash)
 * and a second erasure finds the same value.
 */
export function erasedValue(field: Field, recordId: string, attempt = 0): string | undefined {
  const hash = idHash(recordId, attempt);
  switch (field.type) {
    case 'text':
    case 'long_text': return field.unique ? `${erasedText} ${hash}` : erasedText;
    case 'email': return `erased+${hash}@example.invalid`;
    case 'phone': return `+86100${(BigInt(`0x${hash}`) % 100_000_000n).toString().padStart(8, '0')}`;
    case 'url': return `https://example.invalid/erased/${hash}`;
    default: return undefined;
  }
}

/** True when a value already is an erasure placeholder of the field's type (a second erasure keeps it). */
export function isErasedValue(field: Field, value: unknown): boolean {
  const shape = placeholderShapes[field.type];
  return shape !== undefined && typeof value === 'string' && shape.test(value);
}

/**
 * The personal fields an erasure clears: every personal column but relations (links are kept:
 * an order still belongs to its, now anonymous, customer) and autonumbers (codes the engine
 * assigns, not facts about a person).
 */
export function erasableFields(fields: readonly Field[]): Field[] {
  return fields.filter((field) => field.personal === true && field.type !== 'relation' && field.type !== 'autonumber');
}
