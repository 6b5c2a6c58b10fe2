import { DeleteOutlined, DownloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text.js';
import { useFormat } from '../i18n/format.js';
import { useLocale } from '../i18n/index.js';
import { importApi } from './import-api.js';
import type { ImportMapping, MappingTemplate } from './import-types.js';
import { withoutObject } from './mapping-edit.js';
import { SaveTemplateDialog } from './save-template-dialog.js';

function downloadTemplate(mapping: ImportMapping, object: string): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify({ ...mapping, object }, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${object}.mapping.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The mapping templates of an object: those kept in the workspace (choosing one applies its
 * mapping; each says who saved it and when, and can be deleted), saving the wizard's mapping as one,
 * and a template as a JSON file to download or load.
 */
export function MappingTemplates({ slug, object, mapping, onApply }: { slug: string; object: string; mapping: ImportMapping; onApply: (mapping: ImportMapping) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = useLocale();
  const { message } = App.useApp();
  const client = useQueryClient();
  const queryKey = ['import-templates', slug, object];
  const templates = useQuery({ queryKey, queryFn: () => importApi.templates(slug, object) });
  const list = templates.data ?? [];
  const [chosen, setChosen] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [open, setOpen] = useState(false);
  // The menu stays open while a delete is being confirmed: the confirmation is outside it.
  const [confirming, setConfirming] = useState<string>();
  const current = list.find((template) => template.id === chosen);
  const remove = useMutation({
    mutationFn: (template: MappingTemplate) => importApi.deleteTemplate(slug, template.id),
    onSuccess: (_answer, template) => {
      if (chosen === template.id) setChosen(undefined);
      void message.success(t('imports.templates.deleted', { name: template.name }));
    },
    onError: (error) => void message.error(errorText(error, locale, t)),
    onSettled: () => client.invalidateQueries({ queryKey }),
  });
  const apply = (id: string) => {
    const template = list.find((entry) => entry.id === id);
    if (!template) return;
    setChosen(id);
    onApply(withoutObject(template.mapping));
    void message.success(t('imports.templates.applied', { name: template.name }));
  };
  const loadFile = async (file: File) => {
    try {
      onApply(withoutObject(JSON.parse(await file.text()) as ImportMapping));
      setChosen(undefined);
      void message.success(t('imports.mapping.templateLoaded'));
    } catch {
      void message.error(t('imports.mapping.templateInvalid'));
    }
  };
  const savedBy = (template: MappingTemplate) => t('imports.templates.savedBy', { by: template.createdBy, at: format.dateTime(template.updatedAt) });
  return (
    <Flex gap={8} wrap align="center">
      <Typography.Text>{t('imports.templates.label')}</Typography.Text>
      <Select
        aria-label={t('imports.templates.label')} style={{ width: 280 }} popupMatchSelectWidth={460} placeholder={list.length > 0 ? t('imports.templates.choose') : t('imports.templates.none')}
        loading={templates.isLoading} value={current?.id} onSelect={apply} notFoundContent={t('imports.templates.none')}
        open={open || confirming !== undefined} onOpenChange={(next) => { if (confirming === undefined) setOpen(next); }}
        options={list.map((template) => ({ value: template.id, label: template.name, title: template.name, template }))}
        optionRender={(option) => {
          const template = option.data.template;
          return (
            <Flex justify="space-between" align="center" gap={8}>
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text ellipsis>{template.name}</Typography.Text>
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>{savedBy(template)}</Typography.Text>
              </Flex>
              <Popconfirm
                title={t('imports.templates.deleteConfirm', { name: template.name })} okText={t('common.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')}
                open={confirming === template.id} onOpenChange={(next) => setConfirming(next ? template.id : undefined)}
                onConfirm={() => { setConfirming(undefined); setOpen(false); remove.mutate(template); }}
              >
                <Button
                  size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('imports.templates.delete', { name: template.name })}
                  onMouseDown={(event) => event.stopPropagation()} onClick={(event) => event.stopPropagation()}
                />
              </Popconfirm>
            </Flex>
          );
        }}
      />
      {current && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{savedBy(current)}</Typography.Text>}
      <Button icon={<SaveOutlined aria-hidden />} onClick={() => setSaving(true)}>{t('imports.templates.save')}</Button>
      <Button icon={<DownloadOutlined aria-hidden />} onClick={() => downloadTemplate(mapping, object)}>{t('imports.mapping.saveTemplate')}</Button>
      <Upload showUploadList={false} accept=".json" beforeUpload={(chosenFile) => { void loadFile(chosenFile); return false; }}>
        <Button icon={<UploadOutlined aria-hidden />}>{t('imports.mapping.loadTemplate')}</Button>
      </Upload>
      {saving && (
        <SaveTemplateDialog
          slug={slug} object={object} mapping={mapping} templates={list} initialName={current?.name ?? ''} onClose={() => setSaving(false)}
          onSaved={(saved) => {
            setSaving(false);
            setChosen(saved.id);
            void client.invalidateQueries({ queryKey });
            void message.success(t('imports.templates.saved', { name: saved.name }));
          }}
        />
      )}
    </Flex>
  );
}
