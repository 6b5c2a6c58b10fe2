import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatters } from '../i18n/formatters.js';
import { messages } from '../i18n/messages.js';
import { retailModel } from '../record/retail-model.fixture.js';
import { hitFieldsText } from './hit-fields-text.js';

const i18n = i18next.createInstance();
await i18n.init({ resources: { 'zh-CN': { translation: messages['zh-CN'] } }, lng: 'zh-CN', nsSeparator: false, interpolation: { escapeValue: false } });
const format = formatters('zh-CN');
const customers = retailModel().objects.find((object) => object.name === 'customers')!;
const hit = { id: '1', title: '李蕾', matched: 'phone', values: { code: 'C2026000001', phone: '138****0000', source_channel: 'jd', name: '李蕾', city: '' } };

describe('hitFieldsText', () => {
  it('names each field with its value as text, in the order asked, each once', () => {
    expect(hitFieldsText(hit, ['phone'], customers, format, i18n.t)).toBe('手机号：138****0000');
    expect(hitFieldsText(hit, ['phone', 'code', 'source_channel', 'phone'], customers, format, i18n.t)).toBe('手机号：138****0000；会员编号：C2026000001；来源渠道：京东');
  });

  it('leaves out the title field and empty values, and keeps unknown fields by name as plain text', () => {
    expect(hitFieldsText(hit, ['name', 'city', 'missing'], customers, format, i18n.t)).toBe('');
    const unknown = { id: '2', matched: 'nickname', values: { nickname: '<b>蕾</b>' } };
    expect(hitFieldsText(unknown, ['nickname'], undefined, format, i18n.t)).toBe('nickname：<b>蕾</b>');
  });
});
