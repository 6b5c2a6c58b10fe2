import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatters } from '../i18n/formatters.js';
import { messages } from '../i18n/messages.js';
import { retailModel } from '../record/retail-model.fixture.js';
import { matchedText } from './matched-text.js';

const t = i18next.createInstance();
await t.init({ resources: { 'zh-CN': { translation: messages['zh-CN'] } }, lng: 'zh-CN', nsSeparator: false, interpolation: { escapeValue: false } });
const format = formatters('zh-CN');
const customers = retailModel().objects.find((object) => object.name === 'customers')!;

describe('matchedText', () => {
  it('names each matched field but the title with its value as text', () => {
    const hit = { id: '1', title: '李蕾', matched: ['name', 'phone', 'source_channel'], values: { name: '李蕾', phone: '138****0000', source_channel: 'jd' } };
    expect(matchedText(hit, customers, format, t.t)).toBe('手机号：138****0000；来源渠道：京东');
  });

  it('is empty when only the title matched, and keeps unknown fields by name', () => {
    expect(matchedText({ id: '1', matched: 'name', values: { name: '李蕾' } }, customers, format, t.t)).toBe('');
    expect(matchedText({ id: '1', matched: 'code', values: {} }, customers, format, t.t)).toBe('');
    expect(matchedText({ id: '1', matched: 'nickname', values: { nickname: '<b>蕾</b>' } }, undefined, format, t.t)).toBe('nickname：<b>蕾</b>');
    expect(matchedText({ id: '1', matched: null }, customers, format, t.t)).toBe('');
  });
});
