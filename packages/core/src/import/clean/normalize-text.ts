const invisible = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const fullWidthAlphanumeric = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;
const spaceRun = /\s+/g;
const cjk = '\\u3400-\\u9fff\\uf900-\\ufaff';
const spaceBetweenCjk = new RegExp(`(?<=[${cjk}]) (?=[${cjk}])`, 'g');

/**
 * Full-width letters and digits made half-width (ＡＢＣ１２３ → ABC123) and invisible characters
 * dropped. Chinese punctuation (，。：（）) is left alone: it is right in Chinese text, where NFKC
 * would turn it into ASCII.
 */
function halfWidth(value: string): string {
  return value.replace(fullWidthAlphanumeric, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0)).replace(invisible, '');
}

/**
 * Text as it should be stored: half-width letters and digits, runs of whitespace (the ideographic
 * space included) made one space, ends trimmed, and spaces between two Chinese characters removed
 * (张 三 → 张三, a typing habit, never meaningful).
 */
export function normalizeText(value: string): string {
  return halfWidth(value).replace(spaceRun, ' ').trim().replace(spaceBetweenCjk, '');
}

/** Multi-line text: the same per line, keeping the line breaks (blank lines at the ends dropped). */
export function normalizeLongText(value: string): string {
  return value.split(/\r\n|\r|\n/).map((line) => halfWidth(line).replace(spaceRun, ' ').trim()).join('\n').trim();
}
