import { DeleteOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, seg } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import type { ModelObject } from '../api/workspace-model.js';
import { useLocale } from '../i18n/index.js';
import type { RecordRow } from '../records/use-records.js';
import { listPath } from './record-paths.js';
import type { LoadedRecord } from './fetch-record.js';
import { recordKey } from './use-record.js';

/** What the header of a record page offers. */
export interface RecordActionsProps {
  slug: string;
  object: ModelObject;
  loaded: LoadedRecord;
  title: string;
  editing: boolean;
  onEdit: () => void;
}

/**
 * The actions of a record page, each only where the role grants it: edit, delete (confirmed, then
 * back to the list), or restore a deleted record.
 */
export function RecordActions({ slug, object, loaded, title, editing, onEdit }: RecordActionsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const id = String(loaded.record.id);
  const path = `/api/w/${seg(slug)}/data/${seg(object.name)}/${seg(id)}`;
  const onError = (error: unknown) => void message.error(errorText(error, locale, t));
  const remove = useMutation({
    mutationFn: () => api.delete<{ data: RecordRow }>(path),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['records', slug, object.name] });
      client.removeQueries({ queryKey: recordKey(slug, object.name, id) });
      void message.success(t('record.deleted'));
      void navigate(listPath(slug, object.name));
    },
    onError,
  });
  const restore = useMutation({
    mutationFn: () => api.post<{ data: RecordRow }>(`${path}/restore`),
    onSuccess: (answer) => {
      client.setQueryData<LoadedRecord>(recordKey(slug, object.name, id), { record: answer.data, trashed: false });
      void client.invalidateQueries({ queryKey: [...recordKey(slug, object.name, id), 'include'] });
      void client.invalidateQueries({ queryKey: ['record-history', slug, object.name, id] });
      void client.invalidateQueries({ queryKey: ['records', slug, object.name] });
      void message.success(t('record.restored'));
    },
    onError,
  });
  const may = (action: 'update' | 'delete') => object.actions.includes(action);
  if (loaded.trashed) {
    return may('delete') ? <Button icon={<UndoOutlined aria-hidden />} loading={restore.isPending} onClick={() => restore.mutate()}>{t('record.restore')}</Button> : null;
  }
  return (
    <>
      {may('update') && !editing && <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={onEdit}>{t('common.edit')}</Button>}
      {may('delete') && (
        <Popconfirm title={t('record.deleteConfirm', { title })} description={t('record.deleteExplain')} okText={t('common.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => remove.mutate()}>
          <Button danger icon={<DeleteOutlined aria-hidden />} loading={remove.isPending}>{t('common.delete')}</Button>
        </Popconfirm>
      )}
    </>
  );
}
