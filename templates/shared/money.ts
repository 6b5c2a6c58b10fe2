/** Money is kept in integer cents while drawing, so sums stay exact; written as "199.00". */
export function formatMoney(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
