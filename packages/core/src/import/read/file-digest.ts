import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** A file's SHA-256 and its count of line breaks (a CSV's row count, near enough for progress). */
export async function fileDigest(path: string): Promise<{ sha256: string; size: number; lineBreaks: number }> {
  const hash = createHash('sha256');
  let size = 0;
  let lineBreaks = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lineBreaks += 1;
  }
  return { sha256: hash.digest('hex'), size, lineBreaks };
}
