import { maskName } from './mask-name.js';
import { maskPhone } from './mask-phone.js';

// First character and a fixed `***`: the mask does not tell the length. Two characters or fewer,
// and the first would be half the value: show nothing.
function maskText(value: string): string {
  const characters = Array.from(value.trim());
  if (characters.length === 0) return '';
  return characters.length <= 2 ? '***' : `${characters[0]}***`;
}

// The domain stays (it tells the provider, rarely the person); the mailbox name is masked like text.
function maskEmail(value: string): string {
  const trimmed = value.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return maskText(trimmed);
  return `${maskText(trimmed.slice(0, at))}@${trimmed.slice(at + 1)}`;
}

// Scheme and host stay (which site: weibo.com, linkedin.com); path, query and fragment — the part
// that names the person — go. A bare host may itself be the person's (zhangsan.me): masked like text.
function maskUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return maskText(value);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return maskText(value);
  const bareHost = url.pathname === '/' && url.search === '' && url.hash === '';
  return bareHost ? `${url.protocol}//${maskText(url.host)}` : `${url.protocol}//${url.host}/***`;
}

/**
 * How a personal value shows to whoever may not reveal it, by field type: `phone` (`138****5678`),
 * `email` (`z***@example.com`), `text` (names: `张**`, `Z*** S***`; other text like long_text),
 * `url` (`https://weibo.com/***`); any other type and `long_text`: the first character and `***`
 * (`***` for two characters or fewer). Non-string values (numbers, dates as values, lists) show as
 * `***`; null and undefined stay null. The same value always gets the same mask.
 */
export function maskValue(kind: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return '***';
  switch (kind) {
    case 'phone':
      return maskPhone(value);
    case 'email':
      return maskEmail(value);
    case 'text':
      return maskName(value) ?? maskText(value);
    case 'url':
      return maskUrl(value);
    default:
      return maskText(value);
  }
}
