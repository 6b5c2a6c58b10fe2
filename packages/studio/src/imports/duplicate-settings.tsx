import { Flex, Form, Radio, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { FuzzySettings } from '../duplicates/fuzzy-settings.js';
import { useFormat } from '../i18n/format.js';
import type { ImportMapping, MatchAction, MergeRule } from './import-types.js';

const actions: MatchAction[] = ['merge', 'update', 'skip', 'create'];
const rules: MergeRule[] = ['fill_empty', 'incoming', 'existing', 'longest', 'union'];

/**
 * How duplicates are found (match keys among the mapped fields, in order, and optionally by
 * likeness, the doubtful ones left for review) and what they do, with merge rules per field.
 */
export function DuplicateSettings({ object, mapping, onChange }: { object: ModelObject; mapping: ImportMapping; onChange: (next: ImportMapping) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const match = mapping.match ?? {};
  const action = match.action ?? 'merge';
  const mapped = Object.keys(mapping.fields);
  const labelOf = (name: string) => format.label(object.fields.find((field) => field.name === name)?.label, name);
  const set = (patch: Partial<typeof match>) => onChange({ ...mapping, match: { ...match, ...patch } });
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Form layout="vertical">
        <Form.Item label={t('imports.duplicates.keys')} help={t('imports.duplicates.keysHelp')}>
          <Select
            mode="multiple" aria-label={t('imports.duplicates.keys')} value={(match.on ?? []).map((key) => key[0]!)}
            onChange={(names: string[]) => set({ on: names.map((name) => [name]) })}
            options={mapped.map((name) => ({ value: name, label: labelOf(name) }))}
          />
        </Form.Item>
        <Form.Item label={t('imports.duplicates.action')}>
          <Radio.Group value={action} onChange={(event) => set({ action: event.target.value as MatchAction })}>
            <Flex vertical gap={4}>{actions.map((value) => <Radio key={value} value={value}>{t(`imports.duplicates.actions.${value}`)}</Radio>)}</Flex>
          </Radio.Group>
        </Form.Item>
      </Form>
      <section aria-label={t('imports.duplicates.fuzzy')}>
        <Typography.Title level={3} style={{ fontSize: 15 }}>{t('imports.duplicates.fuzzy')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('imports.duplicates.fuzzyHelp')}</Typography.Paragraph>
        <FuzzySettings
          fields={mapped.map((name) => ({ value: name, label: labelOf(name) }))} value={match.fuzzy}
          onChange={(fuzzy) => { const { fuzzy: _old, ...rest } = match; onChange({ ...mapping, match: fuzzy ? { ...rest, fuzzy } : rest }); }}
        />
      </section>
      {action === 'merge' && (
        <Table
          rowKey="field" size="small" pagination={false} title={() => t('imports.duplicates.rules')}
          dataSource={mapped.map((field) => ({ field }))}
          columns={[
            { title: t('imports.mapping.field'), dataIndex: 'field', render: (field: string) => labelOf(field) },
            {
              title: t('imports.duplicates.rules'), key: 'rule',
              render: (_: unknown, row: { field: string }) => (
                <Select
                  aria-label={`${t('imports.duplicates.rules')}: ${labelOf(row.field)}`} style={{ width: 220 }} value={match.merge?.[row.field] ?? 'fill_empty'}
                  onChange={(rule: MergeRule) => set({ merge: { ...match.merge, [row.field]: rule } })}
                  options={rules.map((rule) => ({ value: rule, label: t(`imports.duplicates.rule.${rule}`) }))}
                />
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
