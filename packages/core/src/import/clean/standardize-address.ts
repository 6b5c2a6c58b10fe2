import { chinaDivisions, prefixMatch, prefixMatches, type District, type Province } from './china-divisions.js';

/** A Chinese address split into standard division names and the rest (street, number, building). */
export interface ChineseAddress {
  province?: string;
  city?: string;
  district?: string;
  street: string;
}

function rest(text: string, from: number): string {
  return text.slice(from).replace(/^[\s,，]+/, '');
}

function fromDistrict(district: District, text: string, end: number): ChineseAddress {
  return { province: district.province, city: district.city, ...(district.district ? { district: district.district } : {}), street: rest(text, end) };
}

function provinceNamed(name: string): Province {
  return chinaDivisions().provinces.entries.find((entry) => entry.value.name === name)!.value;
}

/** After the province (and maybe the city): the district, looked up in the city when known, else in the whole province. */
function withinProvince(text: string, at: number, province: Province, city: { city: string; districts: Province['districts'] } | undefined): ChineseAddress {
  const district = prefixMatch(city?.districts ?? province.districts, text, at);
  if (district) return fromDistrict(district.value, text, district.end);
  const cityName = city?.city ?? (province.municipality ? province.name : undefined);
  return { province: province.name, ...(cityName ? { city: cityName } : {}), street: rest(text, at) };
}

/**
 * Splits an address into province, city and district, standardised to their full names against
 * the administrative divisions: 浙江杭州西湖区文三路 → 浙江省 / 杭州市 / 西湖区 / 文三路. Short
 * forms are read (浙江, 杭州, 西湖); a missing province (or city) is inferred when the city (or the
 * district) names only one. In a municipality the city is the municipality (北京市 / 北京市 / 朝阳区).
 * What cannot be placed stays in `street`.
 */
export function standardizeAddress(text: string): ChineseAddress {
  const value = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const divisions = chinaDivisions();
  const province = prefixMatch(divisions.provinces, value, 0);
  if (province) {
    let at = province.end;
    // 北京市北京市朝阳区: the municipality written again as its city.
    const again = province.value.municipality ? prefixMatch(divisions.provinces, value, at) : undefined;
    if (again?.value === province.value) at = again.end;
    if (province.value.municipality) return withinProvince(value, at, province.value, undefined);
    // 济南市中区 is 济南 + 市中区: of the city names that fit, the first one a district follows.
    const cities = prefixMatches(province.value.cities, value, at);
    const city = cities.find((candidate) => prefixMatch(candidate.value.districts, value, candidate.end)) ?? cities.find((candidate) => !candidate.doubtful);
    return withinProvince(value, city?.end ?? at, province.value, city?.value);
  }
  const cityMatches = prefixMatches(divisions.cities, value, 0);
  const city = cityMatches.find((candidate) => {
    const inProvince = provinceNamed(candidate.value.province).cities.entries.find((entry) => entry.value.city === candidate.value.city)!;
    return prefixMatch(inProvince.value.districts, value, candidate.end);
  }) ?? cityMatches.find((candidate) => !candidate.doubtful);
  if (city) {
    const inProvince = provinceNamed(city.value.province);
    return withinProvince(value, city.end, inProvince, inProvince.cities.entries.find((entry) => entry.value.city === city.value.city)!.value);
  }
  const district = prefixMatch(divisions.districts, value, 0);
  return district ? fromDistrict(district.value, value, district.end) : { street: value };
}
