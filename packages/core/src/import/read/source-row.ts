/** One row of a spreadsheet or CSV file: its number as the user sees it (the first row is 1) and its cells as text. */
export interface SourceRow {
  number: number;
  cells: string[];
}

/** Whether a row has no text in any cell. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
