import { SearchOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../i18n/format.js';
import { duplicateApi } from './duplicate-api.js';
import type { DedupeRule, FuzzyMatching } from './duplicate-types.js';
import { DedupeRunProgress } from './dedupe-run-progress.js';
import { DedupeRunsTable } from './dedupe-runs-table.js';
import { isComplete } from './fuzzy-rule.js';
import { FuzzySettings } from './fuzzy-settings.js';
import { ruleFields } from './rule-fields.js';

/**
 * Finding duplicates among an object's stored records: by exact keys, by likeness, or both. A run
 * works in the background; its progress shows here, and the pairs it finds join the review queue.
 */
export function DedupePanel({ slug, object, onShowPairs }: { slug: string; object: ModelObject; onShowPairs: (runId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const fields = ruleFields(object, format);
  const [keys, setKeys] = useState<string[]>([]);
  const [fuzzy, setFuzzy] = useState<FuzzyMatching | undefined>();
  const [runId, setRunId] = useState<string | undefined>();
  const rule: DedupeRule = { ...(keys.length > 0 ? { on: keys.map((name) => [name]) } : {}), ...(isComplete(fuzzy) ? { fuzzy } : {}) };
  const start = useMutation({
    mutationFn: () => duplicateApi.startRun(slug, object.name, rule),
    onSuccess: async (run) => {
      setRunId(run.id);
      await client.invalidateQueries({ queryKey: ['dedupe-runs', slug, object.name] });
    },
  });
  const ready = rule.on !== undefined || rule.fuzzy !== undefined;
  return (
    <Flex gap={16} wrap align="start">
      <Card size="small" title={t('duplicates.find.title')} style={{ flex: '1 1 480px', maxWidth: 640 }}>
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('duplicates.find.help')}</Typography.Text>
          <Form layout="vertical" component="div">
            <Form.Item label={t('duplicates.find.keys')} help={t('duplicates.find.keysHelp')}>
              <Select mode="multiple" aria-label={t('duplicates.find.keys')} value={keys} onChange={setKeys} options={fields} />
            </Form.Item>
          </Form>
          <FuzzySettings fields={fields} value={fuzzy} onChange={setFuzzy} />
          <ErrorAlert error={start.error} />
          <div>
            <Button type="primary" icon={<SearchOutlined aria-hidden />} disabled={!ready} loading={start.isPending} onClick={() => start.mutate()}>
              {t('duplicates.find.start')}
            </Button>
          </div>
        </Flex>
      </Card>
      <Flex vertical gap={16} style={{ flex: '1 1 480px', minWidth: 0 }}>
        {runId && <Card size="small"><DedupeRunProgress key={runId} slug={slug} id={runId} onShowPairs={onShowPairs} /></Card>}
        <DedupeRunsTable slug={slug} object={object} onShowPairs={onShowPairs} />
      </Flex>
    </Flex>
  );
}
