/** The match keys of a mapping: lists of fields whose values together identify a record. */
export type MatchKeys = readonly (readonly string[])[];

/** The lookup strings of a record, one per key whose fields it all sets (same order as the keys). */
export function keyStrings(keys: MatchKeys, record: Record<string, unknown>): string[] {
  const found: string[] = [];
  keys.forEach((fields, index) => {
    const values = fields.map((field) => record[field]);
    if (values.every((value) => value !== undefined && value !== null && value !== '')) found.push(`${index}\u0000${values.map((value) => JSON.stringify(value)).join('\u0000')}`);
  });
  return found;
}
