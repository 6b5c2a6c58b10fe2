/** The search page of a workspace showing the results of `q`. */
export function searchPath(slug: string, q: string): string {
  return `/w/${encodeURIComponent(slug)}/search?${new URLSearchParams({ q }).toString()}`;
}
