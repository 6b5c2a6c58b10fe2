import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text.js';
import type { View } from '../api/documents.js';
import type { ModelObject } from '../api/workspace-model.js';
import { useLocale } from '../i18n/index.js';
import type { EffectiveList } from './effective-list.js';
import { canManageView } from './can-manage-view.js';
import { SaveViewDialog } from './save-view-dialog.js';
import { savedViewsApi, savedViewsKey, type SavedView, type SavedViews } from './use-saved-views.js';
import { savedViewKey } from './view-choice.js';
import { ViewSelector } from './view-selector.js';

/** The view selector, "save as view" (or update the saved view shown) and deleting the saved view shown, as far as the caller may. */
export function ViewControls({ slug, object, list, value, shared, saved, savedLoading, current, canShare, onOpen, onChoose }: {
  slug: string; object: ModelObject; list: EffectiveList; value: string | undefined; shared: View[]; saved: SavedViews | undefined; savedLoading: boolean;
  current: SavedView | undefined; canShare: boolean; onOpen: () => void; onChoose: (key: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const [saving, setSaving] = useState(false);
  const remove = useMutation({
    mutationFn: (view: SavedView) => savedViewsApi.remove(slug, view.id),
    onSuccess: () => {
      onChoose(undefined);
      void client.invalidateQueries({ queryKey: savedViewsKey(slug, object.name) });
    },
    onError: (error) => void message.error(errorText(error, locale, t)),
  });
  const confirmRemove = (view: SavedView) => modal.confirm({
    title: t('list.views.deleteTitle'), content: t('list.views.deleteText', { name: view.view.label[locale] }), okText: t('common.delete'), okButtonProps: { danger: true },
    onOk: () => remove.mutateAsync(view),
  });
  return (
    <Flex gap={8} align="center">
      <ViewSelector value={value} shared={shared} saved={saved} loading={savedLoading} onOpen={onOpen} onChange={onChoose} />
      {/* A server without saved views (the menu said so) cannot save one. */}
      <Button icon={<SaveOutlined aria-hidden />} disabled={saved?.available === false} title={saved?.available === false ? t('list.views.unavailable') : undefined}
        onClick={() => { onOpen(); setSaving(true); }}>{t('list.views.save')}</Button>
      {current && canManageView(current, canShare) && <Button icon={<DeleteOutlined aria-hidden />} aria-label={t('list.views.delete')} danger loading={remove.isPending} onClick={() => confirmRemove(current)} />}
      {saving && (
        <SaveViewDialog slug={slug} object={object} list={list} current={current} canShare={canShare} onClose={() => setSaving(false)}
          onSaved={(view) => { setSaving(false); onChoose(savedViewKey(view.id)); }} />
      )}
    </Flex>
  );
}
