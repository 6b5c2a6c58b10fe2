import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DataContext } from './data-context.js';
import type { ExportPage } from './export-pages.js';
import { xlsxColumns, type Language, type XlsxColumn } from './xlsx-columns.js';

/** Characters a worksheet name cannot hold, and its longest length. */
const badSheetCharacters = /[[\]:*?/\\]/g;
const maxSheetName = 31;

/** Lets the zip compressor, which runs off the main thread, catch up with the rows just written. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

function sheetName(label: string): string {
  return [...label.replace(badSheetCharacters, ' ').trim()].slice(0, maxSheetName).join('') || 'Sheet1';
}

function writeHeader(worksheet: ExcelJS.Worksheet, columns: XlsxColumn[]): void {
  worksheet.columns = columns.map((column) => ({ width: column.width, style: { numFmt: column.numFmt } }));
  const header = worksheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
}

/**
 * Writes an export's pages as one XLSX worksheet with exceljs's streaming writer: rows are
 * committed page by page (no shared-string table, which would keep every text in memory) and
 * the zipped bytes given as they come, so memory stays flat over millions of rows. The header
 * row holds the field labels in `language` and stays frozen; cells are typed (see xlsxColumns).
 */
export async function* exportXlsx(context: DataContext, objectName: string, pages: AsyncIterable<ExportPage>, language: Language): AsyncGenerator<Buffer> {
  const object = context.access.object(objectName, 'read').object;
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(sheetName(object.definition.label[language]), { views: [{ state: 'frozen', ySplit: 1 }] });
  let columns: XlsxColumn[] | undefined;
  for await (const page of pages) {
    if (!columns) {
      columns = xlsxColumns(object, page.columns, language, context.model.blueprint.timezone ?? 'Asia/Shanghai');
      writeHeader(worksheet, columns);
    }
    for (const record of page.records) worksheet.addRow(page.columns.map((column, index) => columns![index]!.convert(record[column]))).commit();
    await yieldToIo();
    if (chunks.length > 0) yield Buffer.concat(chunks.splice(0));
  }
  worksheet.commit();
  await workbook.commit();
  if (chunks.length > 0) yield Buffer.concat(chunks.splice(0));
}
