import { getCountries, getCountryCallingCode } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { countryCodeLength, maskPhone } from './mask-phone.js';

describe('maskPhone', () => {
  it.each([
    ['a Chinese mobile in E.164', '+8613812345678', '138****5678'],
    ['a Chinese mobile in national form', '13812345678', '138****5678'],
    ['a Chinese mobile with separators', '+86 138-1234-5678', '138****5678'],
    ['a Beijing landline', '+861012345678', '+86******5678'],
    ['a UK number', '+442079460958', '+44******0958'],
    ['a UK number with spaces', '+44 20 7946 0958', '+44******0958'],
    ['a US number', '+12025550123', '+1******0123'],
    ['a Hong Kong number (3-digit code)', '+85221234567', '+852****4567'],
    ['a short number of Iceland (7 national digits)', '+3545511234', '+354*******'],
    ['a national landline', '010-12345678', '*******5678'],
    ['a short national number', '12345', '*****'],
    ['no digits', 'n/a', '***'],
  ])('masks %s: %s → %s', (_, value, expected) => {
    expect(maskPhone(value)).toBe(expected);
  });
});

describe('countryCodeLength', () => {
  it('agrees with libphonenumber-js on the calling code of every country it knows', () => {
    const countries = getCountries();
    expect(countries.length).toBeGreaterThan(200);
    for (const country of countries) {
      const code = getCountryCallingCode(country);
      expect({ country, length: countryCodeLength(`${code}123456789`) }).toEqual({ country, length: code.length });
    }
  });

  it('reads the non-geographic codes (freephone, satellite, networks) as three digits', () => {
    for (const code of ['800', '808', '870', '878', '881', '882', '883', '888', '979']) expect(countryCodeLength(`${code}12345678`)).toBe(3);
  });
});
