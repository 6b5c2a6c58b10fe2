import { Alert, Flex, Form, Radio, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { FuzzySettings } from '../duplicates/fuzzy-settings.js';
import { useFormat } from '../i18n/format.js';
import type { ImportMapping, MatchAction, MergeRule } from './import-types.js';
import { sourcePriorityReady } from './mapping-edit.js';

const actions: MatchAction[] = ['merge', 'update', 'skip', 'create'];
const rules: MergeRule[] = ['fill_empty', 'incoming', 'existing', 'longest', 'union', 'newest', 'source_priority'];

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
  /** Sets or (undefined) removes one setting of the match. */
  const setOptional = <K extends 'newestBy' | 'sourceField' | 'sourcePriority'>(key: K, value: (typeof match)[K] | undefined) => {
    const { [key]: _old, ...rest } = match;
    onChange({ ...mapping, match: value === undefined ? rest : { ...rest, [key]: value } });
  };
  const used = new Set(Object.values(match.merge ?? {}));
  const dates = mapped.filter((name) => ['date', 'datetime'].includes(object.fields.find((field) => field.name === name)?.type ?? ''));
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
      {action === 'merge' && (used.has('newest') || used.has('source_priority')) && (
        <Form layout="vertical">
          {used.has('newest') && (
            <Form.Item label={t('imports.duplicates.newestBy')} help={t('imports.duplicates.newestByHelp')}>
              <Select
                allowClear aria-label={t('imports.duplicates.newestBy')} value={match.newestBy} style={{ width: 260 }}
                onChange={(name: string | undefined) => setOptional('newestBy', name)} options={dates.map((name) => ({ value: name, label: labelOf(name) }))}
              />
            </Form.Item>
          )}
          {used.has('source_priority') && (
            <>
              {!sourcePriorityReady(match) && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('imports.duplicates.sourcePriorityPending')} />}
              <Form.Item label={t('imports.duplicates.sourceField')} help={t('imports.duplicates.sourceFieldHelp')}>
                <Select
                  allowClear aria-label={t('imports.duplicates.sourceField')} value={match.sourceField} style={{ width: 260 }}
                  onChange={(name: string | undefined) => setOptional('sourceField', name)} options={mapped.map((name) => ({ value: name, label: labelOf(name) }))}
                />
              </Form.Item>
              <Form.Item label={t('imports.duplicates.sourcePriority')} help={t('imports.duplicates.sourcePriorityHelp')}>
                <Select
                  mode="tags" open={false} aria-label={t('imports.duplicates.sourcePriority')} value={match.sourcePriority ?? []}
                  onChange={(sources: string[]) => setOptional('sourcePriority', sources.length > 0 ? sources : undefined)}
                />
              </Form.Item>
            </>
          )}
        </Form>
      )}
    </Flex>
  );
}
