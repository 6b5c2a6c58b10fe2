import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { TesseraError } from '../../errors/index.js';
import { detectEncoding, detectionBytes, type TextEncoding } from './detect-encoding.js';
import { sniffDelimiter } from './sniff-delimiter.js';
import type { SourceRow } from './source-row.js';

/** How a CSV file was (or is to be) read. */
export interface CsvFormat {
  encoding: TextEncoding;
  delimiter: string;
}

/** The longest row read, in characters: a larger one is refused before it fills the memory. */
export const maxRowCharacters = 1024 * 1024;

async function readHead(path: string): Promise<{ head: Buffer; complete: boolean }> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(detectionBytes + 1);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return { head: buffer.subarray(0, Math.min(bytesRead, detectionBytes)), complete: bytesRead <= detectionBytes };
  } finally {
    await file.close();
  }
}

/** Works out the encoding (unless given) and the delimiter (unless given) from the file's first bytes. */
export async function detectCsvFormat(path: string, given: Partial<CsvFormat> = {}): Promise<CsvFormat & { bomLength: number }> {
  const { head, complete } = await readHead(path);
  if (head.length === 0) throw new TesseraError('IMPORT_EMPTY_FILE', {});
  const detected = given.encoding ? { encoding: given.encoding, bomLength: 0 } : detectEncoding(head, complete);
  const delimiter = given.delimiter ?? sniffDelimiter(iconv.decode(head, detected.encoding));
  return { encoding: detected.encoding, delimiter, bomLength: detected.bomLength };
}

function readError(error: unknown, row: number): unknown {
  if (!(error instanceof CsvError)) return error;
  if (error.code === 'CSV_MAX_RECORD_SIZE') return new TesseraError('IMPORT_ROW_TOO_LONG', { row, limit: maxRowCharacters });
  return new TesseraError('IMPORT_MALFORMED_CSV', { row, reason: error.message });
}

/**
 * Streams a CSV file's rows, decoded from its encoding, with memory flat in the file's size:
 * quoted fields may hold delimiters and newlines; rows may have fewer or more cells than the
 * header. Blank rows are skipped but counted, so row numbers match what a spreadsheet shows.
 */
export async function* csvRows(path: string, format: CsvFormat & { bomLength: number }): AsyncGenerator<SourceRow> {
  const parser = parse({ delimiter: format.delimiter, relax_column_count: true, relax_quotes: true, max_record_size: maxRowCharacters, bom: true });
  const decoding = pipeline(createReadStream(path, { start: format.bomLength }), iconv.decodeStream(format.encoding), parser);
  // A failure surfaces through the parser's iteration; this only keeps it from being unhandled.
  decoding.catch(() => undefined);
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number += 1;
      yield { number, cells: record };
    }
  } catch (error) {
    throw readError(error, number + 1);
  } finally {
    parser.destroy();
  }
  await decoding;
}
