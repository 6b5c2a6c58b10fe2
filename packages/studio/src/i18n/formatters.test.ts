import { describe, expect, it } from 'vitest';
import { formatters } from './formatters.js';

describe('formatters', () => {
  it('shows a date-time in the time zone given (the server paints in the visitor\'s), a calendar day in none', () => {
    const moment = '2026-03-01T16:30:00Z';
    expect(formatters('en', 'Asia/Shanghai').dateTime(moment)).toContain('Mar 2, 2026');
    expect(formatters('en', 'Asia/Shanghai').dateTime(moment)).toContain('12:30:00');
    expect(formatters('en', 'UTC').dateTime(moment)).toContain('Mar 1, 2026');
    expect(formatters('en', 'UTC').dateTime(moment)).toContain('4:30:00');
    expect(formatters('en', 'Asia/Shanghai').date('2026-03-01')).toBe(formatters('en', 'America/Los_Angeles').date('2026-03-01'));
  });

  it('builds each language and zone once', () => {
    expect(formatters('zh-CN', 'UTC')).toBe(formatters('zh-CN', 'UTC'));
    expect(formatters('zh-CN', 'UTC')).not.toBe(formatters('zh-CN', 'Asia/Shanghai'));
    expect(formatters('zh-CN')).toBe(formatters('zh-CN'));
  });
});
