import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Modal, Radio, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { chosenValues, compareLines, type Side } from '../duplicates/pair-fields.js';
import { SideHeader } from '../duplicates/pair-sides.js';
import { PairTable } from '../duplicates/pair-table.js';
import { useSideReveal } from '../duplicates/use-side-reveal.js';
import { useFormat } from '../i18n/format.js';
import { useLocale } from '../i18n/index.js';
import { recordTitle } from '../record/record-title.js';
import { bulkEditableFields } from './bulk-edit-dialog.js';
import { olderSide } from './merge-survivor.js';
import { fetchRecords, recordsKey, type RecordRow } from './use-records.js';

const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');

/** The objects the caller sees whose records link to `object`'s: their links follow a merge. */
function linkingObjects(object: ModelObject, objects: ModelObject[]): ModelObject[] {
  return objects.filter((candidate) => candidate.fields.some((field) => field.relation?.target === object.name && field.relation.kind !== 'one_to_many'));
}

/**
 * Two selected records side by side, read again in full (the list reads only its columns): which
 * one survives (the older by default), and field by field which side's value it keeps, where the
 * caller may write the field and the value is not masked. The other record goes to the trash and
 * its links move to the survivor; `onSubmit` is told the survivor, the loser and the values picked.
 */
export function MergeDialog({ slug, object, objects, rows, onSubmit, onClose }: {
  slug: string; object: ModelObject; objects: ModelObject[]; rows: [RecordRow, RecordRow];
  onSubmit: (survivor: string, loser: string, values: Record<string, unknown>) => void; onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = useLocale();
  const ids = { left: String(rows[0].id), right: String(rows[1].id) };
  const stored = useQuery({
    queryKey: [...recordsKey(slug, object.name), 'merge', ids.left, ids.right],
    queryFn: () => fetchRecords(slug, object.name, { filter: JSON.stringify({ field: 'id', op: 'in', value: [ids.left, ids.right] }), limit: 2 }),
  });
  const { revealed, masked, revealer } = useSideReveal(object);
  const [chosen, setChosen] = useState<Side>();
  const [picks, setPicks] = useState<Record<string, Side>>({});
  // null once read and not found: deleted since the page was read, or out of the caller's rows.
  const record = (side: Side) => (stored.data ? stored.data.data.find((found) => String(found.id) === ids[side]) ?? null : undefined);
  const records = { left: record('left'), right: record('right') };
  const shown = (side: Side) => records[side] && { ...records[side], ...revealed[side] };
  const lines = compareLines(object, shown('left') ?? {}, shown('right') ?? {});
  const survivor = chosen ?? olderSide(records.left ?? rows[0], records.right ?? rows[1]);
  const ready = Boolean(records.left && records.right);
  const writable = new Set(bulkEditableFields(object).map((field) => field.name));
  const titleOf = (side: Side) => recordTitle(object, shown(side), format, t);
  const linking = linkingObjects(object, objects).map((candidate) => format.label(candidate.label, candidate.name));
  const header = (side: Side) => (
    <SideHeader slug={slug} object={object} record={shown(side)} caption={t(side === survivor ? 'list.merge.kept' : 'list.merge.trashed')} onRevealed={ready ? revealer(side) : undefined} />
  );
  return (
    <Modal open width={960} title={t('list.merge.title')} onCancel={onClose} okText={t('list.bulk.merge')} okButtonProps={{ disabled: !ready }}
      onOk={() => onSubmit(ids[survivor], ids[other(survivor)], chosenValues(lines, picks))}>
      <ErrorAlert error={stored.error} />
      {stored.isPending ? <Skeleton active /> : (
        <Flex vertical gap={12}>
          {!ready && !stored.error && <Alert type="warning" showIcon title={t('list.merge.missing')} />}
          {ready && (
            <Radio.Group aria-label={t('list.merge.survivor')} value={survivor} onChange={(event) => setChosen(event.target.value as Side)}>
              <Radio value="left">{t('duplicates.pair.keepLeft')}</Radio>
              <Radio value="right">{t('duplicates.pair.keepRight')}</Radio>
            </Radio.Group>
          )}
          {ready && (
            <Alert type="info" showIcon title={t('list.merge.explain', { kept: titleOf(survivor), lost: titleOf(other(survivor)) })}
              description={linking.length > 0 ? t('list.merge.links', { objects: new Intl.ListFormat(locale, { type: 'conjunction' }).format(linking) }) : t('list.merge.linksAll')} />
          )}
          <div style={{ maxHeight: '50vh', overflowY: 'auto' }}>
            <PairTable object={object} lines={lines} left={header('left')} right={header('right')}
              picks={ready ? picks : undefined} onPick={(field, side) => setPicks({ ...picks, [field]: side })} masked={masked} pickable={(field) => writable.has(field)} graded={false} />
          </div>
          {ready && (
            <Flex vertical gap={4}>
              <Typography.Text type="secondary">{t('list.merge.picks')}</Typography.Text>
              <Typography.Text type="secondary">{t('duplicates.pair.chooseHelp')}</Typography.Text>
              {lines.some((line) => !line.same && writable.has(line.field) && (masked(line.field, 'left') || masked(line.field, 'right'))) && (
                <Typography.Text type="secondary">{t('duplicates.pair.maskedHelp')}</Typography.Text>
              )}
            </Flex>
          )}
        </Flex>
      )}
    </Modal>
  );
}
