import ExcelJS from 'exceljs';
import { TesseraError } from '../../errors/index.js';
import { cellText } from './cell-text.js';
import type { SourceRow } from './source-row.js';

/** Which sheet to read: its name, or its position (1 is the first). The first sheet by default. */
export type SheetChoice = string | number | undefined;

interface StreamedSheet extends AsyncIterable<{ number: number; values: unknown[] }> {
  name: string;
  id: number | string;
}

function matches(sheet: StreamedSheet, position: number, choice: SheetChoice): boolean {
  if (choice === undefined) return position === 1;
  return typeof choice === 'number' ? position === choice : sheet.name === choice;
}

function readerError(error: unknown): unknown {
  if (error instanceof TesseraError) return error;
  return new TesseraError('IMPORT_UNREADABLE_XLSX', { reason: error instanceof Error ? error.message : String(error) });
}

/**
 * Streams one sheet of an XLSX workbook with exceljs's streaming reader (the sheet's XML is never
 * held whole). Cells come as text (cellText); gaps in a row are empty cells. Throws
 * IMPORT_UNKNOWN_SHEET, naming the sheets there are, when the chosen one does not exist.
 * `onSheets` is told the names of every sheet of the workbook when the first one starts (read
 * from xl/workbook.xml, which the programs that write workbooks put before the sheets).
 */
export async function* xlsxRows(path: string, choice: SheetChoice, onSheets?: (names: string[]) => void): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const names: string[] = [];
  try {
    for await (const sheet of reader as unknown as AsyncIterable<StreamedSheet>) {
      if (names.length === 0) onSheets?.((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets?.map((entry) => entry.name) ?? [sheet.name]);
      names.push(sheet.name);
      if (!matches(sheet, names.length, choice)) continue;
      for await (const row of sheet) {
        const cells: string[] = [];
        for (let column = 1; column < row.values.length; column += 1) cells.push(cellText(row.values[column]));
        yield { number: row.number, cells };
      }
      return;
    }
  } catch (error) {
    throw readerError(error);
  }
  throw new TesseraError('IMPORT_UNKNOWN_SHEET', { sheet: String(choice), sheets: names.join(', ') || '—' }, { details: { sheets: names } });
}
