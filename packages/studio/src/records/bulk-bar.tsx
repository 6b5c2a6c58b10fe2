import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { BulkEditDialog, bulkEditableFields } from './bulk-edit-dialog.js';
import { BulkResult } from './bulk-result.js';
import { BulkTagDialog, taggableFields } from './bulk-tag-dialog.js';
import { MergeDialog } from './merge-dialog.js';
import { useBulkActions } from './use-bulk-actions.js';
import type { RecordRow } from './use-records.js';

/**
 * The actions on the selected rows of the page (edit a field, add a tag, delete, merge two), as
 * the role allows, and the outcome of the last one. `onDone` clears the selection after a write.
 */
export function BulkBar({ slug, object, objects, selected, titleOf, onDone, onReload }: {
  slug: string; object: ModelObject; objects: ModelObject[]; selected: RecordRow[]; titleOf: (id: string) => string; onDone: () => void; onReload: () => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const bulk = useBulkActions(slug, object.name);
  const [dialog, setDialog] = useState<'edit' | 'tag' | 'merge'>();
  const canUpdate = object.actions.includes('update');
  const count = selected.length;
  // A merge keeps one record and deletes the other: two rows, and both rights.
  const pair: [RecordRow, RecordRow] | undefined = count === 2 && canUpdate && object.actions.includes('delete') ? [selected[0]!, selected[1]!] : undefined;
  const finish = async (run: Promise<{ error?: unknown }>) => {
    setDialog(undefined);
    const outcome = await run;
    if (!outcome.error) onDone();
  };
  const confirmDelete = () => modal.confirm({
    title: t('list.bulk.deleteTitle', { count }), content: t('list.bulk.deleteText', { count }), okText: t('common.delete'), okButtonProps: { danger: true },
    onOk: () => finish(bulk.remove(selected)),
  });
  return (
    <>
      {bulk.outcome && <BulkResult outcome={bulk.outcome} titleOf={titleOf} onClose={bulk.clear} onReload={() => { bulk.clear(); onReload(); }} />}
      {count > 0 && (
        <Flex gap={8} align="center" wrap role="toolbar" aria-label={t('list.bulk.toolbar')} style={{ marginBottom: 12 }}>
          <Typography.Text>{t('list.bulk.selected', { count })}</Typography.Text>
          {canUpdate && bulkEditableFields(object).length > 0 && <Button onClick={() => setDialog('edit')} loading={bulk.pending}>{t('list.bulk.edit')}</Button>}
          {canUpdate && taggableFields(object, objects).length > 0 && <Button onClick={() => setDialog('tag')} loading={bulk.pending}>{t('list.bulk.addTag')}</Button>}
          {pair && <Button onClick={() => setDialog('merge')} loading={bulk.pending}>{t('list.bulk.merge')}</Button>}
          {object.actions.includes('delete') && <Button danger onClick={confirmDelete} loading={bulk.pending}>{t('list.bulk.delete')}</Button>}
          <Button type="link" onClick={onDone}>{t('list.bulk.unselect')}</Button>
        </Flex>
      )}
      {dialog === 'edit' && <BulkEditDialog slug={slug} object={object} objects={objects} count={count} onClose={() => setDialog(undefined)} onSubmit={(field, value) => void finish(bulk.edit(selected, field, value))} />}
      {dialog === 'merge' && pair && (
        <MergeDialog slug={slug} object={object} objects={objects} rows={pair} onClose={() => setDialog(undefined)}
          onSubmit={(survivor, loser, values) => void finish(bulk.merge(selected, survivor, loser, values))} />
      )}
      {dialog === 'tag' && <BulkTagDialog slug={slug} object={object} objects={objects} count={count} onClose={() => setDialog(undefined)} onSubmit={(field, tag) => void finish(bulk.tag(selected, field, tag))} />}
    </>
  );
}
