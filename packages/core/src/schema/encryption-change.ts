import { maxTextLength, type Field, type ObjectDefinition } from '../documents/index.js';
import { TesseraError } from '../errors/index.js';
import type { PlanStep } from './plan-types.js';

/** The normalisation a blind index is computed with (personal/normalise-personal.ts): email, phone, or text. */
function indexKind(type: Field['type']): string {
  return type === 'email' || type === 'phone' ? type : 'text';
}

function refuse(object: ObjectDefinition, field: Field, what: string): never {
  throw new TesseraError('BAD_REQUEST', {
    reason: `${object.name}.${field.name} is encrypted: ${what}. Turn encryption off, make the change, and turn it on again in a later version`,
  });
}

/** Checks that hold on ciphertexts as well: only "must not be empty". */
function ciphertextChecks(step: PlanStep | undefined): boolean {
  return step?.kind !== 'alter_field' || step.checks.every((check) => check.rule === 'required');
}

/**
 * The steps of one field's change, around encryption. Turning it on: the plain change first (its
 * checks and conversions work on plain values), then `encrypt_field`. Turning it off:
 * `decrypt_field` first, then the plain change. While it stays encrypted, the database cannot look
 * inside its values: a change that would need to (a new pattern, a shorter maximum, a type with
 * another blind-index normalisation) is refused, naming the way round; "required" still works.
 */
export function planEncryptionChange(
  object: ObjectDefinition, table: string, before: Field, after: Field, alter: (before: Field, after: Field) => PlanStep | undefined,
): PlanStep[] {
  const list = (step: PlanStep | undefined): PlanStep[] => (step ? [step] : []);
  const was = before.encrypted === true;
  const is = after.encrypted === true;
  const base = { object: object.name, objectId: object.id, field: after.name, fieldId: after.id, table };
  if (!was && !is) return list(alter(before, after));
  if (was && is) {
    if (indexKind(before.type) !== indexKind(after.type)) refuse(object, after, `its type cannot change from ${before.type} to ${after.type}`);
    if (maxTextLength(after) < maxTextLength(before)) refuse(object, after, 'its existing values cannot be checked against a lower maxLength');
    const step = alter(before, after);
    if (!ciphertextChecks(step)) refuse(object, after, 'its existing values cannot be checked against the new rules (minLength, pattern, type)');
    return list(step);
  }
  if (is) return [...list(alter(before, { ...after, encrypted: false })), { ...base, class: 'safe', kind: 'encrypt_field', after }];
  return [{ ...base, class: 'checked', kind: 'decrypt_field', before }, ...list(alter({ ...before, encrypted: false }, after))];
}
