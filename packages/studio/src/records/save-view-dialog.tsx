import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.js';
import type { ModelObject } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import type { EffectiveList } from './effective-list.js';
import { newViewName, viewDocument } from './saved-view-document.js';
import { canManageView } from './can-manage-view.js';
import { savedViewsApi, savedViewsKey, type SavedView } from './use-saved-views.js';

interface Values { zh: string; en?: string; shared: boolean; mode: 'new' | 'update' }

/**
 * Saves what the list shows as a view, personal or (with the blueprint capability, `canShare`)
 * shared: a new one, or the saved view shown updated at the version read, when the caller may
 * change it (their own, or a shared one with the capability). A 409 means someone saved it
 * meanwhile: the dialog offers to reload it.
 */
export function SaveViewDialog({ slug, object, list, current, canShare, onSaved, onClose }: {
  slug: string; object: ModelObject; list: EffectiveList; current?: SavedView; canShare: boolean; onSaved: (saved: SavedView) => void; onClose: () => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [conflict, setConflict] = useState(false);
  const updatable = current !== undefined && canManageView(current, canShare);
  const save = useMutation({
    mutationFn: (values: Values) => {
      const label = { 'zh-CN': values.zh.trim(), en: values.en?.trim() || values.zh.trim() };
      if (values.mode === 'update' && current) {
        const view = viewDocument(list, object, label, current.view.name);
        return savedViewsApi.update(slug, current.id, canShare ? { shared: values.shared, view, version: current.version } : { view, version: current.version });
      }
      return savedViewsApi.create(slug, { shared: canShare && values.shared, view: viewDocument(list, object, label, newViewName()) });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: savedViewsKey(slug, object.name) });
      onSaved(saved);
    },
    onError: (error) => {
      if (!(error instanceof ApiError) || error.status !== 409) return;
      setConflict(true);
      modal.confirm({
        title: t('list.views.conflictTitle'), content: t('list.views.conflictText'), okText: t('list.reload'),
        onOk: async () => {
          await client.invalidateQueries({ queryKey: savedViewsKey(slug, object.name) });
          onClose();
        },
      });
    },
  });
  const initial: Values = { zh: current?.view.label['zh-CN'] ?? '', en: current?.view.label.en ?? '', shared: current?.shared ?? false, mode: updatable ? 'update' : 'new' };
  return (
    <Modal open title={t('list.views.saveTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={save.isPending} okButtonProps={{ disabled: conflict }}>
      {save.error && !conflict && <ErrorAlert error={save.error} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(values) => save.mutate(values)}>
        {updatable && (
          <Form.Item name="mode" label={t('list.views.saveMode')}>
            <Radio.Group options={[{ value: 'update', label: t('list.views.updateCurrent') }, { value: 'new', label: t('list.views.saveAsNew') }]} />
          </Form.Item>
        )}
        <Form.Item name="zh" label={t('list.views.nameZh')} rules={[{ required: true, whitespace: true, message: t('list.views.nameRequired') }, { max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="en" label={t('list.views.nameEn')} extra={t('list.views.nameEnHelp')} rules={[{ max: 500 }]}>
          <Input />
        </Form.Item>
        {canShare && (
          <Form.Item name="shared" valuePropName="checked">
            <Checkbox>{t('list.views.shared')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
