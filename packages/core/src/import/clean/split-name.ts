/** Two-character Chinese family names; every other Chinese name starts with a one-character one. */
const compoundFamilyNames = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '钟离',
  '端木', '独孤', '南宫', '西门', '百里', '呼延', '万俟', '澹台', '公冶', '太史', '申屠', '闻人', '赫连', '第五', '拓跋', '司空',
]);
const han = /^[\u3400-\u9fff]+$/;

/** A full name's family and given parts. */
export interface NameParts {
  family: string;
  given: string;
}

/**
 * Splits a full name: Chinese names by their family name (one character, or a known compound such
 * as 欧阳); "Smith, John" at the comma; "John Smith" at the last space. A single word is all given name.
 */
export function splitName(fullName: string): NameParts {
  const name = fullName.trim();
  if (han.test(name)) {
    const family = name.length > 2 && compoundFamilyNames.has(name.slice(0, 2)) ? name.slice(0, 2) : name.slice(0, 1);
    return { family, given: name.slice(family.length) };
  }
  const comma = name.indexOf(',');
  if (comma > 0) return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() };
  const space = name.lastIndexOf(' ');
  return space > 0 ? { family: name.slice(space + 1), given: name.slice(0, space) } : { family: '', given: name };
}
