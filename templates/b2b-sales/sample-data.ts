/**
 * Deterministic sample data for the B2B sales template: a vendor of industrial and enterprise
 * software selling to Chinese companies, with its pipeline over the two years ending 2026-10-31.
 *
 * It draws from the same seeded stream and Chinese reference data as the retail template
 * (../shared/), and like it generates accounts in chunks so that memory stays flat. The pieces
 * live in sample-data/, one per object.
 */
import { DAY, Random, WINDOW_END, WINDOW_START, Weighted, between, inBatches, type SampleBatch } from '../shared/index.js';
import { drawAccount } from './sample-data/accounts.js';
import { accountTouch } from './sample-data/activities.js';
import { drawContact, type Contact } from './sample-data/contacts.js';
import { leadRecord } from './sample-data/leads.js';
import { addOpportunity } from './sample-data/opportunities.js';
import type { Chunk, Run } from './sample-data/run.js';

export type { SampleBatch } from '../shared/index.js';

/** How much B2B data to generate, and from which seed. */
export interface SampleOptions {
  seed?: number;
  /** Number of accounts; 300 by default. */
  accounts?: number;
}

const ACCOUNTS_PER_CHUNK = 500;

/** Yields per chunk of accounts: accounts, their contacts, the leads, opportunities and activities. */
export function* sampleData(options: SampleOptions = {}): Generator<SampleBatch> {
  const run: Run = { rng: new Random(options.seed ?? 1), phones: new Set(), names: new Set() };
  const total = options.accounts ?? 300;
  for (let first = 0; first < total; first += ACCOUNTS_PER_CHUNK) {
    const chunk: Chunk = { accounts: [], contacts: [], leads: [], opportunities: [], activities: [] };
    for (let i = first; i < Math.min(total, first + ACCOUNTS_PER_CHUNK); i++) addAccount(run, chunk);
    yield* inBatches('accounts', chunk.accounts);
    yield* inBatches('contacts', chunk.contacts);
    yield* inBatches('leads', chunk.leads);
    yield* inBatches('opportunities', chunk.opportunities);
    yield* inBatches('activities', chunk.activities);
  }
}

const OPPORTUNITY_COUNTS = new Weighted([[0, 25], [1, 35], [2, 22], [3, 12], [4, 6]]);

function addAccount(run: Run, out: Chunk): void {
  const { rng } = run;
  // A third of the accounts came from a converted lead; each account also brings an unrelated lead.
  const convertedAt = rng.chance(0.35) ? between(rng, WINDOW_START, WINDOW_END - 60 * DAY) : null;
  const account = drawAccount(run, convertedAt ?? WINDOW_START, out.accounts);
  const contacts: Contact[] = [];
  for (let n = rng.int(2, 5); n > 0; n--) contacts.push(drawContact(run, account, out.contacts));
  out.leads.push(leadRecord(run, convertedAt === null ? null : { account, at: convertedAt }));
  out.leads.push(leadRecord(run, null));
  for (let n = OPPORTUNITY_COUNTS.pick(rng); n > 0; n--) addOpportunity(run, account, contacts, out);
  for (let n = rng.int(0, 2); n > 0; n--) out.activities.push(accountTouch(rng, account, contacts));
}
