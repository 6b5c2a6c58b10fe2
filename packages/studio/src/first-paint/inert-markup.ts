/**
 * The first paint is a picture until the studio has started: its controls are disabled, so that
 * nobody types into a box that is about to be replaced (and a test waits for the live one), and the
 * whole is wrapped inert and hidden from assistive technology, which reads the live page instead.
 */
export function inertMarkup(html: string): string {
  const disabled = html.replace(/<(button|input|select|textarea)\b/g, '<$1 disabled=""');
  return `<div data-first-paint="" inert="" aria-hidden="true">${disabled}</div>`;
}
