import { open } from 'node:fs/promises';
import { TesseraError } from '../../errors/index.js';
import { csvRows, detectCsvFormat } from './csv-rows.js';
import type { TextEncoding } from './detect-encoding.js';
import { findHeader, headerWindow } from './find-header.js';
import { isBlankRow, type SourceRow } from './source-row.js';
import { xlsxRows, type SheetChoice } from './xlsx-rows.js';

/** File formats the importer reads. */
export type TableFormat = 'csv' | 'xlsx';

/** How to read a file; everything not given is detected. */
export interface TableOptions {
  format?: TableFormat;
  sheet?: SheetChoice;
  encoding?: TextEncoding;
  delimiter?: string;
  /** Language of generated column names (第3列 / Column 3). */
  language?: 'zh-CN' | 'en';
}

/** What was found out about a file: how it is read, and its header. */
export interface TableInfo {
  format: TableFormat;
  encoding?: TextEncoding;
  delimiter?: string;
  sheet?: string | number;
  /** Every sheet of a workbook, in order (to choose another). */
  sheets?: string[];
  headers: string[];
  headerRow: number;
}

/** An opened table: its header, then its data rows (blank ones skipped), streamed. */
export interface OpenedTable {
  info: TableInfo;
  rows: AsyncGenerator<SourceRow>;
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0];

async function sniffFormat(path: string): Promise<TableFormat> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await file.read(head, 0, 4, 0);
    if (bytesRead === 0) throw new TesseraError('IMPORT_EMPTY_FILE', {});
    if (zipMagic.every((byte, index) => head[index] === byte)) return 'xlsx';
    if (oleMagic.every((byte, index) => head[index] === byte)) throw new TesseraError('IMPORT_UNSUPPORTED_FORMAT', {});
    return 'csv';
  } finally {
    await file.close();
  }
}

async function* dataRows(buffered: SourceRow[], rest: AsyncGenerator<SourceRow>): AsyncGenerator<SourceRow> {
  try {
    for (const row of buffered) if (!isBlankRow(row.cells)) yield row;
    for await (const row of rest) if (!isBlankRow(row.cells)) yield row;
  } finally {
    await rest.return(undefined);
  }
}

/**
 * Opens a CSV or XLSX file for streaming: detects its format (by content, not by name), its
 * encoding and delimiter (CSV), finds the header (findHeader) and checks that a data row follows.
 * Throws IMPORT_EMPTY_FILE, IMPORT_NO_DATA_ROWS, IMPORT_NOT_TEXT, IMPORT_UNSUPPORTED_FORMAT, ….
 */
export async function openTable(path: string, options: TableOptions = {}): Promise<OpenedTable> {
  const format = options.format ?? await sniffFormat(path);
  let info: Omit<TableInfo, 'headers' | 'headerRow'>;
  let source: AsyncGenerator<SourceRow>;
  if (format === 'csv') {
    const csv = await detectCsvFormat(path, { ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.delimiter ? { delimiter: options.delimiter } : {}) });
    info = { format, encoding: csv.encoding, delimiter: csv.delimiter };
    source = csvRows(path, csv);
  } else {
    info = { format, ...(options.sheet === undefined ? {} : { sheet: options.sheet }) };
    source = xlsxRows(path, options.sheet, (sheets) => { info.sheets = sheets; });
  }
  const head: SourceRow[] = [];
  for (let next = await source.next(); !next.done; next = await source.next()) {
    head.push(next.value);
    if (head.length >= headerWindow + 1) break;
  }
  // A workbook's refusal names its sheets (`details.sheets`), so that another one can be chosen.
  const refusal = (code: 'IMPORT_EMPTY_FILE' | 'IMPORT_NO_DATA_ROWS') => new TesseraError(code, {}, info.sheets ? { details: { sheets: info.sheets } } : {});
  const header = findHeader(head, options.language ?? 'zh-CN');
  if (!header) throw refusal('IMPORT_EMPTY_FILE');
  const rows = dataRows(head.slice(header.taken), source);
  const first = await rows.next();
  if (first.done) throw refusal('IMPORT_NO_DATA_ROWS');
  async function* withFirst(): AsyncGenerator<SourceRow> {
    yield first.value as SourceRow;
    yield* rows;
  }
  return { info: { ...info, headers: header.headers, headerRow: header.headerRow }, rows: withFirst() };
}
