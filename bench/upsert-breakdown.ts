/**
 * Where the engine's bulk-upsert time goes (the "why" behind benchmark 1). Measures, on the same
 * 100,000 rows: record validation alone (and the phone check inside it), splitting and JSON
 * encoding, Node's CPU during a real bulkWrite, and the SQL alone in variants of the engine's
 * statement (exact statement, without the outbox CTE, plain INSERT), each into a fresh table.
 * Nothing here changes the engine: the SQL variants are prototypes run from bench/.
 *
 * Run alone: npx tsx bench/upsert-breakdown.ts
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { Tessera, bulkWrite, validateRecord, workspaceSchemaName, type DataContext } from '../packages/core/src/index.js';
// Deep imports (read-only): the engine's own statement builder and record splitting, to time SQL without the JS around it.
import { insertRows, insertRowsCounting } from '../packages/core/src/data/insert-rows.js';
import { isPhoneNumber } from '../packages/core/src/documents/phone-format.js';
import { splitRecord } from '../packages/core/src/data/column-values.js';
import { columnType, qualified, quoteIdent } from '../packages/core/src/schema/index.js';
import { copyColumns, csvChunks, customersBlueprint, generateCustomers, type CustomerRow } from './customers-blueprint.js';
import { isValidPhoneNumber, pg, type Pool } from './deps.js';
import { dropDatabase, fmt, freshDatabase, isMain, median, progress, since } from './report.js';

const databaseName = 'tessera_bench_breakdown';
const actor = 'bench';
const statementRows = 1_000;
const transactionRows = 10_000;

export interface BreakdownLine {
  step: string;
  ms: number;
  note: string;
}

function timeRepeated(repeats: number, work: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < repeats; run += 1) {
    const start = performance.now();
    work();
    times.push(since(start));
  }
  return median(times);
}

type Knex = DataContext['knex'];
type SqlVariant = (trx: Knex, context: DataContext, columns: string[], batch: Record<string, unknown>[]) => Promise<unknown>;

function recordset(context: DataContext, columns: string[]): string {
  const object = context.model.objects.get('customers')!;
  return columns.map((column) => `${quoteIdent(column)} ${columnType(object.fields.get(column)!)}`).join(', ');
}

const variants: Record<string, { note: string; write: SqlVariant }> = {
  engine: {
    note: 'the engine\'s exact statement (insertRowsCounting): jsonb_to_recordset, ON CONFLICT (phone) DO UPDATE, outbox CTE, two counts back',
    write: (trx, context, columns, batch) => insertRowsCounting(trx, context, context.access.object('customers', 'create'), columns, batch, 'phone'),
  },
  withIds: {
    note: 'the same statement answering one row per record (insertRows: what an upsert of an object with many_to_many fields needs)',
    write: (trx, context, columns, batch) => insertRows(trx, context, context.access.object('customers', 'create'), columns, batch, 'phone'),
  },
  noOutbox: {
    note: 'same upsert without the outbox CTE (RETURNING id, inserted, key kept)',
    write: (trx, context, columns, batch) => {
      const list = columns.map(quoteIdent).join(', ');
      const table = qualified(context.schema, 'customers');
      const updates = columns.filter((column) => column !== 'phone').map((column) => `${quoteIdent(column)} = EXCLUDED.${quoteIdent(column)}`);
      return trx.raw(`INSERT INTO ${table} (${list}, created_by, updated_by)
        SELECT ${list}, ?, ? FROM jsonb_to_recordset(?::jsonb) AS x(${recordset(context, columns)})
        ON CONFLICT ("phone") WHERE deleted_at IS NULL DO UPDATE SET ${[...updates, `version = ${table}.version + 1`, 'updated_at = now()', 'updated_by = EXCLUDED.updated_by'].join(', ')}
        RETURNING id::text AS id, (xmax = 0) AS inserted, "phone" AS key`, [actor, actor, JSON.stringify(batch)]);
    },
  },
  plainInsert: {
    note: 'plain INSERT ... SELECT FROM jsonb_to_recordset (no ON CONFLICT, no RETURNING, no outbox)',
    write: (trx, context, columns, batch) => {
      const list = columns.map(quoteIdent).join(', ');
      return trx.raw(`INSERT INTO ${qualified(context.schema, 'customers')} (${list}, created_by, updated_by)
        SELECT ${list}, ?, ? FROM jsonb_to_recordset(?::jsonb) AS x(${recordset(context, columns)})`, [actor, actor, JSON.stringify(batch)]);
    },
  },
};

async function settle(pool: Pool): Promise<void> {
  await pool.query('CHECKPOINT');
}

/** Runs the whole breakdown; returns its lines (milliseconds for 100,000 rows unless noted). */
export async function runUpsertBreakdown(count = 100_000): Promise<BreakdownLine[]> {
  progress(`upsert-breakdown: ${count} rows`);
  const url = await freshDatabase(databaseName);
  const tessera = await Tessera.open({ databaseUrl: url });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const lines: BreakdownLine[] = [];
  try {
    const rows: CustomerRow[] = [...generateCustomers(count)];
    await tessera.createWorkspace('warm', customersBlueprint(), actor);
    const warm = await tessera.system('warm', actor);
    const object = warm.model.objects.get('customers')!;
    validateRecord(object, rows[0], 'create');

    // JS work of bulkWrite, without the database.
    const validate = timeRepeated(3, () => {
      const seen = new Map<unknown, number>();
      rows.forEach((row, index) => {
        if (validateRecord(object, row, 'create', `/records/${index}`).length > 0) throw new Error('invalid row');
        seen.set(row.phone, index);
      });
    });
    lines.push({ step: 'validate 100k records (validateRecord, as bulkWrite does)', ms: validate, note: 'ajv record validator incl. formats' });
    const phone = timeRepeated(3, () => {
      for (const row of rows) if (!isPhoneNumber(row.phone)) throw new Error('invalid phone');
    });
    lines.push({ step: '… of which the phone format alone (isPhoneNumber × 100k)', ms: phone, note: 'the ajv `phone` format: a regular expression for +861…, libphonenumber-js for the rest' });
    const library = timeRepeated(3, () => {
      for (const row of rows) if (!isValidPhoneNumber(row.phone, 'CN')) throw new Error('invalid phone');
    });
    lines.push({ step: '… for scale: libphonenumber-js alone (isValidPhoneNumber × 100k)', ms: library, note: 'what the format cost before its fast path' });
    const encode = timeRepeated(3, () => {
      const split = rows.map((row) => splitRecord(object, row as unknown as Record<string, unknown>, 'recordset').columns);
      for (let start = 0; start < split.length; start += statementRows) JSON.stringify(split.slice(start, start + statementRows));
    });
    lines.push({ step: 'split + JSON.stringify of the batches', ms: encode, note: 'the jsonb parameter of each statement' });

    // A real bulkWrite, with Node's own CPU time.
    await tessera.createWorkspace('whole', customersBlueprint(), actor);
    const whole = await tessera.system('whole', actor);
    await settle(pool);
    const cpuBefore = process.cpuUsage();
    const wholeStart = performance.now();
    for (let offset = 0; offset < rows.length; offset += transactionRows) {
      await bulkWrite(whole, 'customers', 'upsert', rows.slice(offset, offset + transactionRows), 'phone');
    }
    const wholeMs = since(wholeStart);
    const cpu = process.cpuUsage(cpuBefore);
    const nodeCpuMs = (cpu.user + cpu.system) / 1000;
    lines.push({ step: 'bulkWrite, wall time', ms: wholeMs, note: '10 calls of 10,000 records, as in benchmark 1' });
    lines.push({ step: '… Node CPU during it (user+system)', ms: nodeCpuMs, note: 'validation, encoding, driver; the rest is waiting on PostgreSQL' });

    // The SQL alone, in variants, each into a fresh table (10 transactions × 10 statements of 1,000 rows, one after the other).
    const split = rows.map((row) => splitRecord(object, row as unknown as Record<string, unknown>, 'recordset').columns);
    const columns = Object.keys(split[0]!).sort();
    let index = 0;
    for (const [name, variant] of Object.entries(variants)) {
      const slug = `sql_${index += 1}`;
      await tessera.createWorkspace(slug, customersBlueprint(), actor);
      const context = await tessera.system(slug, actor);
      await settle(pool);
      const start = performance.now();
      for (let offset = 0; offset < split.length; offset += transactionRows) {
        await context.knex.transaction(async (trx) => {
          for (let at = offset; at < Math.min(offset + transactionRows, split.length); at += statementRows) {
            await variant.write(trx, context, columns, split.slice(at, at + statementRows));
          }
        });
      }
      lines.push({ step: `SQL only: ${name}`, ms: since(start), note: variant.note });
    }

    // COPY once more, for scale.
    await tessera.createWorkspace('copy', customersBlueprint(), actor);
    await settle(pool);
    const client = await pool.connect();
    try {
      const start = performance.now();
      await pipeline(Readable.from(csvChunks(rows, actor)), client.query(copyFrom(`COPY ${workspaceSchemaName('copy')}.customers (${copyColumns.join(', ')}) FROM STDIN WITH (FORMAT csv)`)));
      lines.push({ step: 'COPY FROM STDIN (CSV), for scale', ms: since(start), note: 'the reference of benchmark 1' });
    } finally {
      client.release();
    }
    return lines;
  } finally {
    await pool.end();
    await tessera.close();
    await dropDatabase(databaseName);
  }
}

/** The lines as a markdown table. */
export function breakdownTable(lines: BreakdownLine[]): string[] {
  return [
    '### Where the engine\'s time goes (100,000 rows, one run each)',
    '',
    '| step | ms | what |',
    '| --- | ---: | --- |',
    ...lines.map((line) => `| ${line.step} | ${fmt(line.ms)} | ${line.note} |`),
  ];
}

if (isMain(import.meta.url)) {
  const lines = await runUpsertBreakdown();
  console.log(breakdownTable(lines).join('\n'));
}
