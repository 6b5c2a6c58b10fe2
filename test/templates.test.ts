import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tessera, validateBlueprint } from '../packages/core/src/index.js';
import { openTestDatabase } from '../packages/core/src/testing/index.js';
import { seedTemplate, templateBlueprint, templateNames } from '../packages/server/src/templates.js';

let tessera: Tessera;

describe('solution templates', () => {
  beforeAll(async () => { tessera = await Tessera.attach(await openTestDatabase()); });
  afterAll(async () => tessera.close());

  it.each(templateNames)('%s passes blueprint validation', async (name) => {
    const blueprint = await templateBlueprint(name);
    expect(() => validateBlueprint(blueprint)).not.toThrow();
  });

  it('b2b-sales creates its tables and loads its sample data through the write pipeline', async () => {
    await tessera.createWorkspace('b2b', await templateBlueprint('b2b-sales'), 'test');
    const total = await seedTemplate(tessera, 'b2b', 'b2b-sales');
    const n = ((await tessera.database.knex.raw('SELECT count(*)::int AS n FROM ws_b2b.accounts')).rows as { n: number }[])[0]?.n ?? 0;
    expect(n).toBeGreaterThan(0);
    expect(total).toBeGreaterThan(n);
  });
});
