import fc from 'fast-check';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { maskValue } from './mask-value.js';

// A mask may show only its visible parts: for each rule the hidden part is drawn twice, and the two
// masks must be equal (the mask is a function of the visible part alone), and drawn from characters
// the visible part never uses, so that none of them may appear in the mask.
const chars = (alphabet: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...Array.from(alphabet)), minLength, maxLength });
const visibleDigits = '01234';
const hiddenDigits = '56789';
const han = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高';
const hiddenHan = '三丰伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明';
const runs = { numRuns: 300 };

function expectHidden(mask: string | null, hiddenAlphabet: string): void {
  for (const character of hiddenAlphabet) expect(mask).not.toContain(character);
}

describe('maskValue never shows the hidden part', () => {
  it('of a Chinese mobile: the middle four digits', () => {
    fc.assert(fc.property(chars(visibleDigits, 2, 2), chars(visibleDigits, 4, 4), chars(hiddenDigits, 4, 4), chars(hiddenDigits, 4, 4), (head, tail, middle, otherMiddle) => {
      const mask = maskValue('phone', `+861${head}${middle}${tail}`);
      expect(mask).toBe(`1${head}****${tail}`);
      expect(maskValue('phone', `+861${head}${otherMiddle}${tail}`)).toBe(mask);
      expectHidden(mask, hiddenDigits);
    }), runs);
  });

  const codes = [...new Set(getCountries().map((country) => getCountryCallingCode(country)))].filter((code) => /^[01234]+$/.test(code));
  it('of another international number: all but the country code and the last four digits', () => {
    fc.assert(fc.property(fc.constantFrom(...codes), chars(hiddenDigits, 4, 8), chars(hiddenDigits, 4, 8), chars(visibleDigits, 4, 4), (code, middle, otherMiddle, tail) => {
      fc.pre(middle.length === otherMiddle.length);
      const mask = maskValue('phone', `+${code}${middle}${tail}`);
      expect(mask).toBe(`+${code}${'*'.repeat(middle.length)}${tail}`);
      expect(maskValue('phone', `+${code}${otherMiddle}${tail}`)).toBe(mask);
      expectHidden(mask, hiddenDigits);
    }), runs);
  });

  it('of an email: the mailbox name after its first character', () => {
    fc.assert(fc.property(chars('nopqrstuvwxyz', 1, 1), chars('abcdefghijklm._+', 2, 20), chars('abcdefghijklm._+', 2, 20), chars('nopqrstuvwxyz.', 1, 20), (first, rest, otherRest, domain) => {
      const mask = maskValue('email', `${first}${rest}@${domain}`);
      expect(mask).toBe(`${first}***@${domain}`);
      expect(maskValue('email', `${first}${otherRest}@${domain}`)).toBe(mask);
      expectHidden(mask, 'abcdefghijklm_+');
    }), runs);
  });

  it('of a Chinese name: every character after the first', () => {
    fc.assert(fc.property(chars(han, 1, 1), chars(hiddenHan, 1, 4), chars(hiddenHan, 1, 4), (surname, given, otherGiven) => {
      fc.pre(given.length === otherGiven.length);
      const mask = maskValue('text', `${surname}${given}`);
      expect(mask).toBe(`${surname}${'*'.repeat(given.length)}`);
      expect(maskValue('text', `${surname}${otherGiven}`)).toBe(mask);
      expectHidden(mask, hiddenHan);
    }), runs);
  });

  it('of a Latin-script name: each word after its first letter, and the words\' lengths', () => {
    const word = (first: string) => fc.tuple(chars(first, 1, 1), chars('abcdefghijklm', 0, 12)).map(([a, b]) => a + b);
    fc.assert(fc.property(fc.array(word('NOPQRSTUVWXYZ'), { minLength: 1, maxLength: 4 }), fc.array(chars('abcdefghijklm', 0, 12), { minLength: 4, maxLength: 4 }), (words, otherRests) => {
      const mask = maskValue('text', words.join(' '));
      expect(maskValue('text', words.map((w, i) => w[0] + otherRests[i]!).join(' '))).toBe(mask);
      expectHidden(mask, 'abcdefghijklm');
    }), runs);
  });

  it('of other text: everything after the first character, and the length', () => {
    fc.assert(fc.property(fc.constantFrom('long_text', 'single_select', 'json', 'text'), chars('#0123', 1, 1), chars('abcdefghijklm 5678', 2, 40), chars('abcdefghijklm 5678', 2, 40), (kind, first, rest, otherRest) => {
      fc.pre(rest.trim() === rest && otherRest.trim() === otherRest);
      const mask = maskValue(kind, `${first}${rest}`);
      expect(mask).toBe(`${first}***`);
      expect(maskValue(kind, `${first}${otherRest}`)).toBe(mask);
    }), runs);
  });

  it('of a URL: its path, query and fragment', () => {
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.webPath(), (url, path) => {
      const parsed = new URL(url);
      fc.pre(parsed.pathname !== '/' || parsed.search !== '' || parsed.hash !== '');
      const elsewhere = new URL(url);
      elsewhere.pathname = `${path}/x`;
      expect(maskValue('url', url)).toBe(`${parsed.protocol}//${parsed.host}/***`);
      expect(maskValue('url', elsewhere.href)).toBe(maskValue('url', url));
    }), runs);
  });
});

describe('maskValue', () => {
  it('is deterministic and total: any kind, any string, the same mask every time', () => {
    const kind = fc.constantFrom('phone', 'email', 'text', 'long_text', 'url', 'date', 'other');
    const value = fc.oneof(fc.string({ unit: 'grapheme' }), fc.emailAddress(), fc.webUrl(), fc.stringMatching(/^\+\d{6,15}$/));
    fc.assert(fc.property(kind, value, (k, v) => {
      const mask = maskValue(k, v);
      expect(typeof mask).toBe('string');
      expect(maskValue(k, v)).toBe(mask);
    }), { numRuns: 2000 });
  });
});
