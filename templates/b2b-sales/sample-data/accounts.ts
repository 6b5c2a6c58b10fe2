import {
  CITIES,
  TRADE_NAMES,
  formatMoney,
  landline,
  officeAddress,
  shortCityName,
  type City,
  type SampleRecord,
} from '../../shared/index.js';
import { INDUSTRIES } from './industries.js';
import type { Run } from './run.js';
import { SALES_REPS } from './sales-reps.js';
import { SIZES, wanYuan, type SizeBand } from './size-bands.js';

/** A customer company, with what its contacts, leads and deals need to know about it. */
export interface Account {
  id: string;
  name: string;
  shortName: string;
  band: SizeBand;
  city: City;
  /** When the company became a customer; its deals start after that. */
  since: number;
  domain: string;
  owner: string;
}

/** Draws a company with a distinct name and writes its record. */
export function drawAccount(run: Run, since: number, out: SampleRecord[]): Account {
  const { rng } = run;
  // Names repeat only once the few thousand combinations run out, so huge runs still end.
  for (let attempt = 1; ; attempt++) {
    const city = CITIES.pick(rng);
    const trade = rng.pick(TRADE_NAMES);
    const [industry, suffix, word, profile] = INDUSTRIES.pick(rng);
    const name = `${shortCityName(city)}${trade.hanzi}${suffix}`;
    if (run.names.has(name) && attempt < 20) continue;
    run.names.add(name);
    const band = SIZES.pick(rng);
    const account: Account = {
      id: rng.uuid(), name, shortName: `${shortCityName(city)}${trade.hanzi}`, band, city, since,
      domain: `${city.pinyin}-${trade.pinyin}${word}.com`, owner: rng.pick(SALES_REPS),
    };
    out.push({
      id: account.id, name, industry, size: band.size, region: city.region, province: city.province, city: city.name,
      address: officeAddress(rng), website: `https://www.${account.domain}`, phone: landline(rng, city),
      annual_revenue: formatMoney(wanYuan(rng, band.revenue)), owner: account.owner, description: `${profile}。`,
    });
    return account;
  }
}
