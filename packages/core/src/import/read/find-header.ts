import type { SourceRow } from './source-row.js';

/** Rows looked at for the header: a title or a note above it is common in exported sheets. */
export const headerWindow = 10;

/** Where the data starts and what its columns are called. */
export interface TableHeader {
  headers: string[];
  /** Row number of the header row (of the lower one when a group row sits above sub-headers). */
  headerRow: number;
}

const filled = (cells: readonly string[]) => cells.filter((cell) => cell.trim() !== '').length;
const numeric = /^[\s\d.,+\-:/]+$/;

/**
 * Whether `below` names the parts of `above`'s merged group cells (联系方式 over 手机 | 邮箱): every
 * cell it fills is text and sits where `above` is empty or starts an empty run, and at least one
 * sits under an empty cell (a merged group always leaves one).
 */
function isSubHeader(above: readonly string[], below: readonly string[]): boolean {
  const width = Math.max(above.length, below.length);
  let underEmpty = false;
  for (let column = 0; column < below.length; column += 1) {
    const cell = below[column]!.trim();
    if (cell === '') continue;
    if (numeric.test(cell)) return false;
    const here = (above[column] ?? '').trim();
    const startsRun = column + 1 < width && (above[column + 1] ?? '').trim() === '';
    if (here === '') underEmpty = true;
    else if (!startsRun) return false;
  }
  return underEmpty;
}

/** Names every column: empty names take the group name on their left (a merged cell), repeats get " (2)", " (3)"… */
function nameColumns(names: string[], language: 'zh-CN' | 'en'): string[] {
  const seen = new Map<string, number>();
  let group = '';
  return names.map((raw, index) => {
    let name = raw.trim().replace(/\s+/g, ' ');
    if (name === '') name = group || (language === 'zh-CN' ? `第${index + 1}列` : `Column ${index + 1}`);
    else group = name;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/**
 * Finds the header among the first rows: the first row filling at least half as many cells as the
 * fullest one (a title row above it fills one; a data row may fill a column the header left unnamed), joined with the row below when that one holds sub-headers of merged group
 * cells. Answers the header and how many of the given rows it took.
 */
export function findHeader(rows: readonly SourceRow[], language: 'zh-CN' | 'en'): (TableHeader & { taken: number }) | undefined {
  const candidates = rows.slice(0, headerWindow);
  const widest = Math.max(0, ...candidates.map((row) => filled(row.cells)));
  if (widest === 0) return undefined;
  const best = candidates.findIndex((row) => filled(row.cells) * 2 >= widest);
  const top = candidates[best]!;
  const below = candidates[best + 1];
  if (below && isSubHeader(top.cells, below.cells)) {
    const width = Math.max(top.cells.length, below.cells.length);
    let group = '';
    const merged = Array.from({ length: width }, (_, column) => {
      const upper = (top.cells[column] ?? '').trim();
      if (upper !== '') group = upper;
      const lower = (below.cells[column] ?? '').trim();
      return lower !== '' ? lower : upper !== '' ? upper : group;
    });
    return { headers: nameColumns(merged, language), headerRow: below.number, taken: best + 2 };
  }
  return { headers: nameColumns([...top.cells], language), headerRow: top.number, taken: best + 1 };
}
