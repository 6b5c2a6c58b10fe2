/** One Chinese character with its pinyin, for ASCII e-mail addresses and domains. */
export interface Syllable {
  hanzi: string;
  pinyin: string;
}

/** Parses "王:wang:725 李:li:719 …" (the weight is optional). */
export function syllables(table: string): [Syllable, number][] {
  return table.split(' ').map((entry) => {
    const [hanzi = '', pinyin = '', weight = '1'] = entry.split(':');
    return [{ hanzi, pinyin }, Number(weight)];
  });
}
