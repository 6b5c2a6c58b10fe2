import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatters } from '../i18n/formatters.js';
import { messages } from '../i18n/messages.js';
import { historyLine, type HistoryEntry } from './history-entry.js';
import { retailModel } from './retail-model.fixture.js';

async function translator(locale: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ resources: { [locale]: { translation: messages[locale] } }, lng: locale, nsSeparator: false, interpolation: { escapeValue: false } });
  return instance.t;
}

const customers = retailModel().objects.find((object) => object.name === 'customers')!;
const update: HistoryEntry = {
  id: 42,
  at: '2026-11-11T02:30:00.000Z',
  action: 'record.update',
  actor: { id: 'u1', label: '王小明' },
  changes: {
    total_spent: { old: '199.00', new: '1299.50' },
    phone: { changed: true },
    name: { old: '李雷', new: '李蕾' },
    legacy_code: { old: 'A1', new: null },
    source_channel: { old: null, new: 'jd' },
  },
};

describe('historyLine', () => {
  it('shows who, when, the action and each change in the field order, in Chinese', async () => {
    const line = historyLine(update, customers, {}, formatters('zh-CN'), await translator('zh-CN'));
    expect(line).toMatchObject({ key: '42', actor: '王小明', action: '修改记录' });
    expect(line.at).toBe(formatters('zh-CN').dateTime('2026-11-11T02:30:00.000Z'));
    expect(line.changes).toEqual([
      { field: 'name', label: '姓名', personal: false, old: '李雷', new: '李蕾' },
      { field: 'phone', label: '手机号', personal: true },
      { field: 'source_channel', label: '来源渠道', personal: false, old: '（空）', new: '京东' },
      { field: 'total_spent', label: '累计消费', personal: false, old: '¥199.00', new: '¥1,299.50' },
      // A field no longer in the model (removed, or hidden from this role) keeps its name and raw values.
      { field: 'legacy_code', label: 'legacy_code', personal: false, old: 'A1', new: '（空）' },
    ]);
  });

  it('formats in English, names the system when no one acted, and keeps unknown actions', async () => {
    const t = await translator('en');
    const line = historyLine({ id: 'e1', at: '2026-11-11T02:30:00.000Z', action: 'record.restore', actor: null }, customers, {}, formatters('en'), t);
    expect(line).toMatchObject({ actor: 'System', action: 'Record restored', changes: [] });
    const total = historyLine({ ...update, actor: { id: 'u2' }, action: 'plugin.sync' }, customers, {}, formatters('en'), t);
    expect(total.actor).toBe('u2');
    expect(total.action).toBe('plugin.sync');
    expect(total.changes.find((change) => change.field === 'total_spent')).toMatchObject({ label: 'Total spent', old: 'CN¥199.00', new: 'CN¥1,299.50' });
  });

  it('shows only the values a creation set', async () => {
    const created: HistoryEntry = {
      id: 1, at: '2026-11-11T02:30:00.000Z', action: 'record.create', actor: { id: 'u1', label: 'Li' },
      changes: { name: { old: null, new: '李蕾' }, phone: { changed: true }, notes: { old: null, new: null }, tags: { old: null, new: [] } },
    };
    expect(historyLine(created, customers, {}, formatters('en'), await translator('en')).changes).toEqual([
      { field: 'name', label: 'Name', personal: false, new: '李蕾' },
      { field: 'phone', label: 'Mobile phone', personal: true },
    ]);
  });

  it('names a related record by its title when known, else by its id', async () => {
    const moved: HistoryEntry = { id: 2, at: '2026-11-11T02:30:00.000Z', action: 'record.update', changes: { member_level: { old: 'l1', new: 'l2' } } };
    expect(historyLine(moved, customers, { l2: '金卡会员' }, formatters('zh-CN'), await translator('zh-CN')).changes).toEqual([
      { field: 'member_level', label: '会员等级', personal: false, old: 'l1', new: '金卡会员' },
    ]);
  });
});
