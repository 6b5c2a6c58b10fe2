// A Chinese name: Han characters, possibly joined by a middle dot (transliterated and some
// minority names: 阿沛·阿旺晋美).
const hanName = /^\p{Script=Han}[\p{Script=Han}·・•]*$/u;
// A word of a Latin-script name: starts with a letter; apostrophes, hyphens, dots inside (O'Brien, Jean-Luc, J.).
const latinWord = /^\p{Script=Latin}[\p{Script=Latin}\p{M}'’.-]*$/u;

/**
 * A person's name masked, or undefined when the value is not a recognisable name. Chinese names
 * keep their first character (usually the surname) and show one `*` for each other character, as
 * Chinese users expect (`张三丰` → `张**`, a one-character value → `*`); Latin-script names keep
 * the first letter of each word (`Zhang San` → `Z*** S***`), hiding the words' lengths.
 */
export function maskName(value: string): string | undefined {
  const name = value.trim().replace(/\s+/gu, ' ');
  if (hanName.test(name)) {
    const characters = Array.from(name);
    return characters.length === 1 ? '*' : characters[0] + '*'.repeat(characters.length - 1);
  }
  const words = name.split(' ');
  if (name !== '' && words.every((word) => latinWord.test(word))) {
    return words.map((word) => `${Array.from(word)[0]}***`).join(' ');
  }
  return undefined;
}
