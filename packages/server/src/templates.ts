import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bulkWrite, TesseraError, type Tessera } from '@tessera/core';

const templatesDir = fileURLToPath(new URL('../../../templates/', import.meta.url));

/** Solution templates shipped in templates/. */
export const templateNames = ['retail', 'b2b-sales'] as const;
/** One of the shipped templates. */
export type TemplateName = (typeof templateNames)[number];

interface SampleModule {
  sampleData(options?: { seed?: number }): Iterable<{ object: string; records: Record<string, unknown>[] }>;
}

function checkName(name: string): TemplateName {
  if (!(templateNames as readonly string[]).includes(name)) throw new TesseraError('NOT_FOUND', { what: `template ${name.slice(0, 40)}` });
  return name as TemplateName;
}

/** The blueprint document of a template. */
export async function templateBlueprint(name: string): Promise<unknown> {
  return JSON.parse(await readFile(`${templatesDir}${checkName(name)}/blueprint.json`, 'utf8')) as unknown;
}

async function sampleModule(name: string): Promise<SampleModule> {
  return (await import(`${templatesDir}${checkName(name)}/sample-data.ts`)) as SampleModule;
}

/** The shipped templates as the engine reads them (its TemplateCatalog); unknown names are NOT_FOUND. */
export const templateCatalog = {
  async load(name: string): Promise<{ blueprint: unknown; sampleData(): Iterable<{ object: string; records: Record<string, unknown>[] }> }> {
    const [blueprint, module] = await Promise.all([templateBlueprint(name), sampleModule(name)]);
    return { blueprint, sampleData: () => module.sampleData() };
  },
};

/** Loads a template's deterministic sample data into a workspace; reports progress per batch. */
export async function seedTemplate(tessera: Tessera, slug: string, name: string, onProgress: (object: string, total: number) => void = () => {}): Promise<number> {
  const module = await sampleModule(name);
  const context = await tessera.system(slug, 'seed');
  let total = 0;
  for (const batch of module.sampleData()) {
    await bulkWrite(context, batch.object, 'create', batch.records);
    total += batch.records.length;
    onProgress(batch.object, total);
  }
  return total;
}
