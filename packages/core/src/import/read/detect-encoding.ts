import { TesseraError } from '../../errors/index.js';

/** Text encodings a spreadsheet program saves CSV in; GB18030 is a superset of GBK and GB2312. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** How a text file starts: its encoding and the length of its byte-order mark. */
export interface DetectedEncoding {
  encoding: TextEncoding;
  bomLength: number;
}

/** Bytes read to decide; enough for many lines of a typical export. */
export const detectionBytes = 64 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Drops a UTF-8 sequence cut off by the end of the sample, so that a truncated character is not mistaken for invalid UTF-8. */
function withoutCutCharacter(sample: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, sample.length); back += 1) {
    const byte = sample[sample.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? sample.subarray(0, sample.length - back) : sample;
  }
  return sample;
}

/** Control bytes no text file holds (tab, newlines and form feed aside); NUL alone is decisive. */
function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control += 1;
  }
  return control > sample.length / 100;
}

/**
 * Decides how to read a text file from its first bytes: a byte-order mark wins; else valid UTF-8
 * is UTF-8; else it is GB18030 (what Excel on Chinese Windows saves as "CSV", GBK being a subset).
 * Throws IMPORT_NOT_TEXT for binary content. `complete` says the sample is the whole file.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (looksBinary(sample)) throw new TesseraError('IMPORT_NOT_TEXT', {});
  try {
    strictUtf8.decode(complete ? sample : withoutCutCharacter(sample));
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'gb18030', bomLength: 0 };
  }
}
