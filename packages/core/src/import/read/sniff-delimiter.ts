/** Delimiters a CSV export uses, in order of preference when counts tie. */
const candidates = [',', '\t', ';', '|'] as const;

/** Counts each candidate outside double quotes in one line. */
function countOutsideQuotes(line: string): Map<string, number> {
  const counts = new Map<string, number>(candidates.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  return counts;
}

/**
 * Guesses the delimiter from the first lines: the candidate that appears on the header line and
 * the same number of times on most of the following lines (a quoted field may hold any of them).
 * Falls back to a comma.
 */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '').slice(0, 20);
  if (lines.length === 0) return ',';
  const perLine = lines.map(countOutsideQuotes);
  let best: string = ',';
  let bestScore = 0;
  for (const candidate of candidates) {
    const header = perLine[0]!.get(candidate)!;
    if (header === 0) continue;
    const agreeing = perLine.filter((counts) => counts.get(candidate) === header).length;
    const score = agreeing * 1000 + header;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
