// Colours come from documents and records: only a plain hex colour may reach a style.
const hexColor = /^#[0-9a-f]{3,8}$/i;

/** A colour from a blueprint option or a record, when it is a plain hex colour; otherwise none. */
export function safeColor(value: unknown): string | undefined {
  return typeof value === 'string' && hexColor.test(value) ? value : undefined;
}
