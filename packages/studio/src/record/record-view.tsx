import { Alert, Spin, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelObject, WorkspaceModel } from '../api/workspace-model.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';
import { RevealButton } from '../records/reveal-button.js';
import type { RecordRow } from '../records/use-records.js';
import { BackLink } from './back-link.js';
import { Customer360 } from './customer-360.js';
import { customer360Layout } from './customer-360-layout.js';
import { RecordActions } from './record-actions.js';
import { listPath } from './record-paths.js';
import { RecordProblem } from './record-problem.js';
import { RecordTabs, type RecordTab } from './record-tabs.js';
import { recordTitle } from './record-title.js';
import { relatedLists } from './related-lists.js';
import { useRecord } from './use-record.js';
import { useRecordSaved } from './use-record-saved.js';

/** One existing record: header and actions, the customer 360 where it fits, then details, related lists and history. */
export function RecordView({ slug, model, object, id }: { slug: string; model: WorkspaceModel; object: ModelObject; id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const loaded = useRecord(slug, object.name, id);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<RecordTab>('details');
  const [revealed, setRevealed] = useState<Record<string, unknown>>();
  const saved = useRecordSaved(slug, object.name, id);
  const layout = useMemo(() => customer360Layout(model, object.name), [model, object.name]);
  const lists = useMemo(() => {
    // What a 360 block shows already is not listed again under the related tab.
    const shown = new Set(layout?.blocks.map((block) => `${block.object.name}.${block.field.name}`));
    return relatedLists(model, object.name).filter((list) => !shown.has(list.key));
  }, [model, object.name, layout]);
  if (loaded.error) {
    return <RecordProblem error={loaded.error} backTo={listPath(slug, object.name)} backLabel={t('record.back', { object: format.label(object.label, object.name) })} />;
  }
  if (!loaded.data) return <Spin />;
  const { trashed } = loaded.data;
  const record: RecordRow = { ...loaded.data.record, ...revealed };
  const title = recordTitle(object, record, format, t);
  const onSaved = (answer: RecordRow) => {
    saved(answer);
    // The answer is masked again: what was revealed may be stale after the edit.
    setRevealed(undefined);
    setEditing(false);
  };
  const canReveal = !trashed && !revealed && object.actions.includes('reveal') && object.fields.some((field) => field.personal);
  const reveal = canReveal ? <RevealButton slug={slug} object={object.name} id={id} onRevealed={setRevealed} /> : null;
  const with360 = layout && !trashed;
  return (
    <>
      <BackLink slug={slug} object={object} />
      <PageHeader
        title={title}
        note={<>{format.label(object.label, object.name)}{trashed && <Tag color="red" style={{ marginInlineStart: 8 }}>{t('record.trashedTag')}</Tag>}</>}
        extra={
          <span role="group" aria-label={t('record.actions')} style={{ display: 'inline-flex', gap: 8, flexWrap: 'wrap' }}>
            <RecordActions slug={slug} object={object} loaded={loaded.data} title={title} editing={editing} onEdit={() => { setTab('details'); setEditing(true); }} />
            {!with360 && reveal}
          </span>
        }
      />
      {trashed && <Alert type="warning" showIcon title={t('record.trashedNote')} style={{ marginBottom: 16 }} />}
      {with360 && <Customer360 slug={slug} model={model} object={object} layout={layout} record={record} revealed={revealed !== undefined} reveal={reveal} />}
      <RecordTabs
        slug={slug} model={model} object={object} record={record} lists={trashed ? [] : lists} tab={tab} onTab={setTab}
        editing={editing && !trashed} onSaved={onSaved} onCancel={() => setEditing(false)}
      />
    </>
  );
}
