/** Placeholder until global search lands. */
export function GlobalSearchBox({ slug: _slug }: { slug: string | undefined }) {
  return null;
}
