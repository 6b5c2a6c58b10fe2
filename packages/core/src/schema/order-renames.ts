import type { PlanStep } from './plan-types.js';

type Rename = Extract<PlanStep, { kind: 'rename_object' | 'rename_field' | 'rename_join_table' }>;

function isRename(step: PlanStep): step is Rename {
  return step.kind === 'rename_object' || step.kind === 'rename_field' || step.kind === 'rename_join_table';
}

/** Tables share their schema's names; columns, their table's. */
function namespace(step: Rename): string {
  return step.kind === 'rename_field' ? `column:${step.table}` : 'table';
}

/**
 * Orders renames so that each new name is free when its rename runs: a rename waits for the one
 * that moves the current holder of its name away, and a cycle (names swapped) goes through a
 * temporary name, which never clashes since object and field names start with a letter.
 */
export function orderRenames(steps: PlanStep[]): PlanStep[] {
  const pending = [...steps];
  const ordered: PlanStep[] = [];
  let parked = 0;
  const waits = (step: PlanStep) => isRename(step)
    && pending.some((other) => other !== step && isRename(other) && namespace(other) === namespace(step) && other.from === step.to);
  while (pending.length > 0) {
    const ready = pending.findIndex((step) => !waits(step));
    if (ready >= 0) {
      ordered.push(...pending.splice(ready, 1));
      continue;
    }
    const step = pending[0] as Rename;
    const temporary = `_renaming_${++parked}`;
    ordered.push({ ...step, to: temporary });
    pending[0] = { ...step, from: temporary };
  }
  return ordered;
}
