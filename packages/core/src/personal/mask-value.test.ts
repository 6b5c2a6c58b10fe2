import { describe, expect, it } from 'vitest';
import { maskValue } from './mask-value.js';

describe('maskValue', () => {
  it.each([
    ['phone', '+8613812345678', '138****5678'],
    ['phone', '+442079460958', '+44******0958'],
    ['email', 'zhang.san@example.com', 'z***@example.com'],
    ['email', ' Zhang.San@Example.com ', 'Z***@Example.com'],
    ['email', 'zs@example.com', '***@example.com'],
    ['email', '"a@b"@example.com', '"***@example.com'],
    ['email', 'not-an-email', 'n***'],
    ['email', '@example.com', '@***'],
    ['text', '张三丰', '张**'],
    ['text', 'Zhang San', 'Z*** S***'],
    ['text', 'VIP customer #12', 'V***'],
    ['text', '', ''],
    ['text', 'Al', 'A***'],
    ['text', 'A1', '***'],
    ['long_text', '北京市朝阳区建国路 1 号', '北***'],
    ['long_text', '张三丰', '张***'],
    ['url', 'https://weibo.com/u/1234567890', 'https://weibo.com/***'],
    ['url', 'https://user:pass@www.linkedin.com/in/zhangsan?x=1', 'https://www.linkedin.com/***'],
    ['url', 'https://zhangsan.me', 'https://z***'],
    ['url', 'https://zhangsan.me/', 'https://z***'],
    ['url', 'ftp://files.example.com/zhangsan', 'f***'],
    ['url', 'not a url', 'n***'],
    ['single_select', 'gold', 'g***'],
    ['date', '1990-05-01', '1***'],
  ])('%s %j → %j', (kind, value, expected) => {
    expect(maskValue(kind, value)).toBe(expected);
  });

  it('keeps null and undefined as null, and hides non-string values entirely', () => {
    expect(maskValue('phone', null)).toBeNull();
    expect(maskValue('email', undefined)).toBeNull();
    expect(maskValue('decimal', 12345.67)).toBe('***');
    expect(maskValue('boolean', false)).toBe('***');
    expect(maskValue('multi_select', ['a', 'b'])).toBe('***');
  });
});
