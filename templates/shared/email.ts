import type { PersonName } from './person-name.js';
import type { Random } from './random.js';
import { Weighted } from './weighted.js';

const MAIL_DOMAINS = new Weighted<string>([
  ['163.com', 25], ['126.com', 10], ['foxmail.com', 5], ['sina.com', 5],
  ['gmail.com', 4], ['outlook.com', 5], ['icloud.com', 10],
]);

/** A personal mailbox: QQ mail (numeric) for a third of people, a pinyin address otherwise. */
export function personalEmail(rng: Random, person: PersonName): string {
  if (rng.chance(0.33)) return `${rng.int(100_000_000, 3_999_999_999)}@qq.com`;
  const local = rng.chance(0.5) ? `${person.surname}${person.given}` : `${person.given}.${person.surname}`;
  return `${local}${rng.chance(0.6) ? rng.int(1, 999) : ''}@${MAIL_DOMAINS.pick(rng)}`;
}

/** A work mailbox at the employer's domain, e.g. xiaoming.wang@hangzhou-yunfantech.com. */
export function workEmail(person: PersonName, domain: string): string {
  return `${person.given}.${person.surname}@${domain}`;
}
