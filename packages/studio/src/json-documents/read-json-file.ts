import { parseJson, type ParsedJson } from './parse-json.js';

/** The largest blueprint file the studio imports: far above a real blueprint, below what slows the editor down. */
export const maxImportBytes = 5 * 1024 * 1024;

/** A chosen file: too large (nothing read), unreadable, or read with its text parsed. */
export type ReadJsonFile =
  | { status: 'tooLarge'; size: number }
  | { status: 'unreadable' }
  | { status: 'read'; text: string; parsed: ParsedJson };

/** Reads a .json file the user chose, refusing one over the size cap before reading it. */
export async function readJsonFile(file: Blob): Promise<ReadJsonFile> {
  if (file.size > maxImportBytes) return { status: 'tooLarge', size: file.size };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { status: 'unreadable' };
  }
  // A byte order mark is no JSON but editors write it.
  const clean = text.replace(/^\uFEFF/, '');
  return { status: 'read', text: clean, parsed: parseJson(clean) };
}
