import type { Conversion, PlanStep, StepCheck } from '../api/blueprint.js';

/** The checks of a step: alter_field carries a list, add_field and create_index at most one. */
export function checksOf(step: PlanStep): StepCheck[] {
  return step.checks ?? (step.check ? [step.check] : []);
}

/** The checks that found rows the step would break. */
export function violatedChecks(step: PlanStep): StepCheck[] {
  return checksOf(step).filter((check) => check.violations > 0);
}

/** The key of a step's conversion, as the server reads it: `object.field` in the next blueprint. */
export function conversionKey(step: PlanStep): string {
  return `${step.object}.${step.field ?? ''}`;
}

/**
 * The conversions that settle every violated check of a step: one conversion applies to the whole
 * field, so it must be one each check accepts.
 */
export function acceptedConversions(step: PlanStep): Conversion['onInvalid'][] {
  const checks = violatedChecks(step);
  if (checks.length === 0) return [];
  return checks[0]!.accepts.filter((kind) => checks.every((check) => check.accepts.includes(kind)));
}

/** Whether a replacement value is a number, a yes/no or a text, by the field's type after the step. */
export function valueKind(step: PlanStep): 'number' | 'boolean' | 'text' {
  const type = step.after?.type;
  if (type === 'integer' || type === 'decimal' || type === 'money' || type === 'percent') return 'number';
  return type === 'boolean' ? 'boolean' : 'text';
}
