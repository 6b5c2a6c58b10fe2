import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSecret } from './check-secret.js';
import { PersonalDataError } from './personal-data-error.js';

const whitespace = 'starts or ends with whitespace (remove it: it would silently change the key wherever it gets trimmed)';

function rejection(secret: string): PersonalDataError {
  try {
    checkSecret(secret, 'TESSERA_SECRET_KEY');
  } catch (error) {
    if (error instanceof PersonalDataError) return error;
    throw error;
  }
  throw new Error('the secret was accepted');
}

describe('checkSecret', () => {
  it.each([
    ['openssl rand -base64 32', randomBytes(32).toString('base64')],
    ['openssl rand -hex 32', randomBytes(32).toString('hex')],
    ['32 hex characters (16 bytes)', randomBytes(16).toString('hex')],
    ['base64url, as generated into secret.key', randomBytes(32).toString('base64url')],
    ['Chinese text of 32 characters', '天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳'],
  ])('accepts %s', (_, secret) => {
    expect(() => checkSecret(secret, 'TESSERA_SECRET_KEY')).not.toThrow();
  });

  it.each([
    ['a short secret', 'Zx8-qT4w', 'is too short (8 characters; at least 32)'],
    ['an empty secret', '', 'is too short (0 characters; at least 32)'],
    ['31 characters', 'abcdefghijklmnopqrstuvwxyz01234', 'is too short (31 characters; at least 32)'],
    ['16 emoji (32 UTF-16 units but 16 characters)', '😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰😗', 'is too short (16 characters; at least 32)'],
    ['a trailing newline', `${'k7Qp2XvB9mZr4TcW8yHn3JdL6sFg1A0e'}\n`, whitespace],
    ['a leading space', ` ${'k7Qp2XvB9mZr4TcW8yHn3JdL6sFg1A0e'}`, whitespace],
    ['a comma', 'k7Qp2XvB9mZr4TcW,8yHn3JdL6sFg1A0e', 'contains a comma (it could not be listed in TESSERA_PREVIOUS_SECRET_KEYS after a rotation)'],
    ['one character repeated', 'a'.repeat(40), 'uses fewer than 8 different characters'],
    ['seven different characters', '0123456012345601234560123456012345', 'uses fewer than 8 different characters'],
    ['a placeholder repeated', 'placeholder-'.repeat(3), 'is one short sequence repeated'],
    ['an alphabet repeated', '0123456789abcdef0123456789abcdef', 'is one short sequence repeated'],
  ])('rejects %s, saying why and how to make a good one', (_, secret, problem) => {
    const error = rejection(secret);
    expect(error.fault).toBe('weak_secret');
    expect(error.message).toBe(`TESSERA_SECRET_KEY ${problem}; generate one with \`openssl rand -base64 32\``);
  });

  it('never quotes the secret in its message', () => {
    expect(rejection('hunter2-hunter2').message).not.toContain('hunter2');
  });

  it('accepts random secrets of the minimum length even in hex (16 symbols): 10,000 drawn', () => {
    for (let run = 0; run < 10_000; run += 1) checkSecret(randomBytes(16).toString('hex'), 'x');
  });
});
