// ITU-T E.164 country calling codes are prefix-free: 1 and 7 are the only one-digit codes, these
// are the two-digit ones, every other code has three digits (mask-phone.test.ts checks the rule
// against libphonenumber-js for every country it knows).
const oneDigitCodes = new Set(['1', '7']);
const twoDigitCodes = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49',
  '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65', '66', '81', '82', '84',
  '86', '90', '91', '92', '93', '94', '95', '98',
]);

/** How many leading digits of an international number (without its `+`) are the country calling code. */
export function countryCodeLength(digits: string): number {
  if (oneDigitCodes.has(digits.slice(0, 1))) return 1;
  return twoDigitCodes.has(digits.slice(0, 2)) ? 2 : 3;
}

// Chinese mobile numbers: 11 digits starting with 1, in E.164 or national form.
const chinaMobile = /^(?:\+86)?(1\d{10})$/;
const separators = /[\s().-]/g;
// Fewer national digits than this, and the last four would be most of the number: hide them all.
const shortestWithVisibleEnd = 8;

function hideAllButLast(digits: string, visible: number): string {
  return '*'.repeat(digits.length - visible) + digits.slice(digits.length - visible);
}

/**
 * A phone number masked: a Chinese mobile keeps its first 3 and last 4 digits without the country
 * code (`+8613812345678` → `138****5678`, the form Chinese users know); another international
 * number keeps its country code and last 4 digits (`+442079460958` → `+44******0958`); a national
 * number of another form keeps its last 4 digits. Numbers with fewer than 8 digits after the
 * country code show none; a value without digits shows `***`. Separators (spaces, dashes, dots, brackets) are ignored.
 */
export function maskPhone(value: string): string {
  const compact = value.replace(separators, '');
  const mobile = chinaMobile.exec(compact)?.[1];
  if (mobile) return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
  const international = /^\+(\d+)$/.exec(compact)?.[1];
  const code = international ? international.slice(0, countryCodeLength(international)) : '';
  const national = international ? international.slice(code.length) : compact.replace(/\D/g, '');
  if (national === '') return '***';
  const visible = national.length >= shortestWithVisibleEnd ? 4 : 0;
  return `${international ? `+${code}` : ''}${hideAllButLast(national, visible)}`;
}
