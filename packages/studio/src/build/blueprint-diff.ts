import { diffLines } from 'diff';

/** One line of a diff, with its numbers in the old and new text. */
export interface DiffLine {
  kind: 'added' | 'removed' | 'same';
  text: string;
  oldLine?: number;
  newLine?: number;
}

/** A diff row: a line, or a run of unchanged lines folded away (shown on demand). */
export type DiffRow = DiffLine | { kind: 'folded'; lines: DiffLine[] };

function linesOf(before: unknown, after: unknown): DiffLine[] {
  const text = (value: unknown) => (value === undefined ? '' : `${JSON.stringify(value, null, 2)}\n`);
  const lines: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const part of diffLines(text(before), text(after))) {
    for (const line of part.value.replace(/\n$/, '').split('\n')) {
      if (part.added) lines.push({ kind: 'added', text: line, newLine: newLine++ });
      else if (part.removed) lines.push({ kind: 'removed', text: line, oldLine: oldLine++ });
      else lines.push({ kind: 'same', text: line, oldLine: oldLine++, newLine: newLine++ });
    }
  }
  return lines;
}

/** Folds a run of unchanged lines, keeping `context` lines next to each change. */
function fold(run: DiffLine[], context: number, first: boolean, last: boolean): DiffRow[] {
  const head = first ? 0 : context;
  const tail = last ? 0 : context;
  if (run.length <= head + tail + 1) return run;
  return [...run.slice(0, head), { kind: 'folded', lines: run.slice(head, run.length - tail) }, ...run.slice(run.length - tail)];
}

/**
 * The line diff of two documents pretty-printed as JSON (undefined is an empty document), long
 * unchanged runs folded so the changes stand out.
 */
export function diffRows(before: unknown, after: unknown, context = 3): DiffRow[] {
  const lines = linesOf(before, after);
  const rows: DiffRow[] = [];
  let run: DiffLine[] = [];
  let first = true;
  for (const line of lines) {
    if (line.kind === 'same') { run.push(line); continue; }
    rows.push(...fold(run, context, first, false), line);
    run = [];
    first = false;
  }
  rows.push(...fold(run, context, first, true));
  return rows;
}
