/** JSON with object keys sorted, so that documents compare by content whatever order their keys came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) => (entry && typeof entry === 'object' && !Array.isArray(entry)
    ? Object.fromEntries(Object.entries(entry).sort(([left], [right]) => left.localeCompare(right)))
    : entry));
}

/** Whether two JSON documents have the same content (the server may send keys in another order than the studio writes them). */
export function sameJson(left: unknown, right: unknown): boolean {
  return canonical(left) === canonical(right);
}
