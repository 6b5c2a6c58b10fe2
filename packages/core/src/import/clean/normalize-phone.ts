import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

const separators = /[\s\-().·、]/g;
/**
 * A Chinese mobile number, with or without +86: the bulk of every import. libphonenumber-js's
 * metadata accepts every number of this shape (documents/phone-format.ts checks it), and parsing
 * costs ~10 µs, the largest part of mapping a row, so these skip it.
 */
const chinaMobile = /^(?:\+?86)?(1[3-9]\d{9})$/;

/**
 * A phone number in E.164 (+8613812345678), or undefined when the text is no valid number.
 * Reads what people type: full-width digits, spaces, dashes and brackets, a 0086 or 86 prefix,
 * "tel:", and national numbers of `country` (mobiles 13812345678, landlines 0571-87654321).
 */
export function normalizePhone(text: string, country: CountryCode = 'CN'): string | undefined {
  let value = text.normalize('NFKC').trim().replace(/^tel:/i, '').replace(/(?:ext\.?|转|分机)\s*\d+$/i, '').replace(separators, '');
  if (value.startsWith('00')) value = `+${value.slice(2)}`;
  else if (country === 'CN' && /^861\d{10}$/.test(value)) value = `+${value}`;
  if (!/^\+?\d{5,20}$/.test(value)) return undefined;
  const mobile = country === 'CN' || value.startsWith('+86') ? chinaMobile.exec(value) : null;
  if (mobile) return `+86${mobile[1]}`;
  const parsed = parsePhoneNumberFromString(value, country);
  if (!parsed?.isValid()) return undefined;
  // The library's compact metadata takes 1381234567 for a landline; in China 13…–19… are mobiles, 11 digits.
  if (parsed.countryCallingCode === '86' && /^1[3-9]/.test(parsed.nationalNumber) && parsed.nationalNumber.length !== 11) return undefined;
  return parsed.number;
}
