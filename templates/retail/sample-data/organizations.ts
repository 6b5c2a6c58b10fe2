import {
  CITIES,
  TRADE_NAMES,
  landline,
  mobilePhone,
  officeAddress,
  personName,
  shortCityName,
  workEmail,
  type Random,
  type SampleRecord,
} from '../../shared/index.js';

/** A company whose staff buy through group purchases; customers may belong to one. */
export interface Organization {
  id: string;
  name: string;
}

const ORG_KINDS: [industry: string, suffix: string, ascii: string][] = [
  ['internet', '网络科技有限公司', 'tech'], ['internet', '信息技术有限公司', 'it'], ['finance', '投资管理有限公司', 'capital'],
  ['manufacturing', '精密机械有限公司', 'machinery'], ['manufacturing', '电子有限公司', 'electronics'],
  ['education', '教育科技有限公司', 'edu'], ['healthcare', '生物科技有限公司', 'bio'], ['retail', '商贸有限公司', 'trading'],
  ['other', '物业服务有限公司', 'property'],
];
const CONTACT_TITLES = '行政经理 人事主管 采购专员 工会主席 行政专员 总经理助理 福利专员'.split(' ');

/** The organizations, their records and their contacts' records. */
export interface Organizations {
  refs: Organization[];
  records: SampleRecord[];
  contacts: SampleRecord[];
}

/** Forty companies with distinct names, each with two to four contacts. */
export function buildOrganizations(rng: Random, phones: Set<string>): Organizations {
  const result: Organizations = { refs: [], records: [], contacts: [] };
  const names = new Set<string>();
  while (result.refs.length < 40) {
    const city = CITIES.pick(rng);
    const trade = rng.pick(TRADE_NAMES);
    const [industry, suffix, ascii] = rng.pick(ORG_KINDS);
    const name = `${shortCityName(city)}${trade.hanzi}${suffix}`;
    if (names.has(name)) continue;
    names.add(name);
    const id = rng.uuid();
    const domain = `${city.pinyin}-${trade.pinyin}${ascii}.com.cn`;
    result.refs.push({ id, name });
    result.records.push({
      id, name, industry, phone: landline(rng, city), email: `hr@${domain}`, website: `https://www.${domain}`,
      province: city.province, city: city.name, address: officeAddress(rng), notes: null,
    });
    for (let n = rng.int(2, 4); n > 0; n--) result.contacts.push(orgContact(rng, phones, id, domain));
  }
  return result;
}

function orgContact(rng: Random, phones: Set<string>, organization: string, domain: string): SampleRecord {
  const person = personName(rng, rng.chance(0.7) ? 'female' : 'male');
  return {
    id: rng.uuid(),
    name: person.name,
    organization,
    job_title: rng.pick(CONTACT_TITLES),
    phone: mobilePhone(rng, phones),
    email: workEmail(person, domain),
    notes: rng.chance(0.3) ? '负责端午、中秋、春节员工福利采购' : null,
  };
}
