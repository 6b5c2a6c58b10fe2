import type { Blueprint } from '../api/documents.js';
import { prettyJson } from './document-edit.js';

/** The file name of an exported blueprint: `<slug>-blueprint-v<version>.json`. */
export function blueprintFileName(slug: string, version: number): string {
  return `${slug}-blueprint-v${version}.json`;
}

/** Downloads the applied blueprint as pretty JSON (made in the browser: the API answers it as data, not as a file). */
export function exportBlueprint(slug: string, version: number, blueprint: Blueprint): void {
  const url = URL.createObjectURL(new Blob([`${prettyJson(blueprint)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = blueprintFileName(slug, version);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
