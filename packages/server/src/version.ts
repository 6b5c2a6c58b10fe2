import { readFileSync } from 'node:fs';

/** Tessera's version, from the repository's package.json. */
export const tesseraVersion = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
