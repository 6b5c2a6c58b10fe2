import { distance } from 'fastest-levenshtein';

/** A text as compared: width and case folded, spaces and punctuation dropped (杭州市 西湖区，文三路 = 杭州市西湖区文三路). */
function comparable(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '');
}

/**
 * How alike two values are, from 0 to 1: for texts, one minus the edit distance over the longer
 * length (张晓明 / 张小明 = 0.67; a typo in a 20-character address ≈ 0.95); for lists, the share
 * of items they have in common; for anything else, 1 when equal. Null when either side is empty:
 * an empty value is no evidence either way.
 */
export function valueSimilarity(a: unknown, b: unknown): number | null {
  if (a === undefined || a === null || a === '' || b === undefined || b === null || b === '') return null;
  if (Array.isArray(a) || Array.isArray(b)) {
    const left = new Set((Array.isArray(a) ? a : [a]).map(String));
    const right = new Set((Array.isArray(b) ? b : [b]).map(String));
    if (left.size === 0 || right.size === 0) return null;
    const shared = [...left].filter((item) => right.has(item)).length;
    return shared / new Set([...left, ...right]).size;
  }
  if (typeof a !== 'string' || typeof b !== 'string') return JSON.stringify(a) === JSON.stringify(b) ? 1 : 0;
  const left = comparable(a);
  const right = comparable(b);
  if (left === right) return 1;
  const longer = Math.max(left.length, right.length);
  return longer === 0 ? 1 : 1 - distance(left, right) / longer;
}
