import type { Random, SampleRecord } from '../../shared/index.js';

/** State shared by every account of one generation run. */
export interface Run {
  rng: Random;
  /** Phones handed out so far: contacts.phone and leads.phone are unique. */
  phones: Set<string>;
  /** Company names taken so far. */
  names: Set<string>;
}

/** Per-account objects, in the order their batches are yielded. */
export interface Chunk {
  accounts: SampleRecord[];
  contacts: SampleRecord[];
  leads: SampleRecord[];
  opportunities: SampleRecord[];
  activities: SampleRecord[];
}
