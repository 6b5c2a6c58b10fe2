import { CITIES, Weighted, mobilePhone, personName, personalEmail, type City, type PersonName, type Random } from '../../shared/index.js';
import { channelMix, drawIdentities, type ChannelIdentities } from './channel-identities.js';
import type { Channel, SourceChannel } from './channels.js';
import { drawOrderPlan } from './order-plan.js';
import type { Organization } from './organizations.js';
import type { Run } from './run.js';
import { STORES, type Store } from './stores.js';

/** A customer as drawn, before their orders: who they are, where they buy and how often. */
export interface Shopper {
  id: string;
  person: PersonName;
  gender: 'female' | 'male' | 'unknown';
  birthday: { month: number; day: number; text: string } | null;
  source: SourceChannel;
  city: City;
  district: string;
  store: Store | null;
  channels: Weighted<Channel>;
  orderCount: number;
  firstDay: number;
  consent: boolean;
  organization: Organization | null;
  identity: ChannelIdentities;
  phone: string | null;
  email: string | null;
}

const SOURCES = new Weighted<SourceChannel>([['tmall', 30], ['taobao', 15], ['jd', 20], ['store', 20], ['wechat', 12], ['other', 3]]);

/** The next customer: joined through a channel, living near a store or not, with a phone only if shared. */
export function drawShopper(run: Run): Shopper {
  const { rng } = run;
  const source = SOURCES.pick(rng);
  const roll = rng.next();
  const gender = roll < 0.72 ? 'female' : roll < 0.94 ? 'male' : 'unknown';
  const store = source === 'store' ? rng.pick(STORES) : null;
  const city = store ? store.city : CITIES.pick(rng);
  const nearby = STORES.filter((candidate) => candidate.city === city);
  const localStore = store ?? (nearby.length > 0 && rng.chance(0.5) ? rng.pick(nearby) : null);
  const identity = drawIdentities(rng, source);
  const organization = rng.chance(0.04) ? rng.pick(run.ref.organizations) : null;
  const person = personName(rng, gender === 'male' ? 'male' : 'female');
  // Platform buyers hide their phone number unless they join the shop's membership.
  const hasPhone = identity.taobao === null && identity.jd === null ? true : rng.chance(0.65);
  return {
    id: rng.uuid(),
    person,
    gender,
    birthday: rng.chance(0.7) ? drawBirthday(rng) : null,
    source,
    city,
    district: store && rng.chance(0.3) ? store.district : rng.pick(city.districts),
    store: localStore,
    channels: channelMix(source, identity, localStore),
    ...drawOrderPlan(rng),
    consent: rng.chance(0.55),
    organization,
    identity,
    phone: hasPhone ? mobilePhone(rng, run.phones) : null,
    email: rng.chance(0.25) ? personalEmail(rng, person) : null,
  };
}

function drawBirthday(rng: Random): { month: number; day: number; text: string } {
  const year = 1965 + Math.floor(((rng.next() + rng.next() + rng.next()) / 3) * 40);
  const month = rng.int(1, 12);
  const day = rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return { month, day, text: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}
