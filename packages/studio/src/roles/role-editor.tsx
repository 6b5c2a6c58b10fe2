import { CopyOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, seg } from '../api/client.js';
import { pointerErrors } from '../api/error-text.js';
import { rolesKey, type RoleDocument } from '../api/roles.js';
import { capabilities, type Bilingual, type Capability } from '../api/types.js';
import type { ModelObject } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { PointerErrors, PointerErrorsContext } from '../components/pointer-errors.js';
import { useFormat } from '../i18n/format.js';
import { PermissionMatrix } from './permission-matrix.js';
import { documentToSave } from './role-document.js';

const identifier = /^[a-z][a-z0-9_]{0,62}$/;

/** Edits one role document and saves it with PUT /roles/<name>; the server's 422 errors are shown where they point. */
export function RoleEditor({ slug, initial, isNew, readOnly, objects }: {
  slug: string; initial: RoleDocument; isNew: boolean; readOnly: boolean; objects: ModelObject[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [document, setDocument] = useState(initial);
  const base = `/w/${encodeURIComponent(slug)}`;
  const save = useMutation({
    mutationFn: (toSave: RoleDocument) => api.put<unknown>(`/api/w/${seg(slug)}/roles/${seg(toSave.name)}`, { document: toSave }),
    onSuccess: (_, saved) => {
      void message.success(t('common.saved'));
      void client.invalidateQueries({ queryKey: rolesKey(slug) });
      if (isNew) void navigate(`${base}/roles/${encodeURIComponent(saved.name)}`, { replace: true });
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete<unknown>(`/api/w/${seg(slug)}/roles/${seg(document.name)}`),
    onSuccess: () => { void client.invalidateQueries({ queryKey: rolesKey(slug) }); void navigate(`${base}/roles`); },
  });
  const label = typeof document.label === 'string' ? { 'zh-CN': document.label, en: document.label } : document.label;
  const setLabel = (locale: keyof Bilingual, text: string) => setDocument({ ...document, label: { ...label, [locale]: text } });
  const nameValid = identifier.test(document.name);
  return (
    <PointerErrorsContext.Provider value={pointerErrors(save.error, '/document')}>
      <PageHeader
        title={isNew ? t('roles.new') : format.label(document.label, document.name)}
        extra={
          <>
            {!isNew && <Button icon={<CopyOutlined aria-hidden />} onClick={() => void navigate(`${base}/new-role?from=${encodeURIComponent(document.name)}`)}>{t('roles.copyAsNew')}</Button>}
            {!isNew && !readOnly && (
              <Popconfirm title={t('roles.deleteConfirm', { name: format.label(document.label, document.name) })} onConfirm={() => remove.mutate()} okText={t('common.yes')} cancelText={t('common.no')}>
                <Button danger loading={remove.isPending}>{t('common.delete')}</Button>
              </Popconfirm>
            )}
            {!readOnly && (
              <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={save.isPending} disabled={!nameValid} onClick={() => save.mutate(documentToSave(document))}>{t('common.save')}</Button>
            )}
          </>
        }
      />
      {readOnly && <Alert type="info" showIcon title={t('roles.builtInReadOnly')} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={save.error ?? remove.error} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Flex gap={16} wrap>
            {!isNew && <Form.Item label={t('roles.name')} style={{ minWidth: 160 }}><Input value={document.name} disabled /></Form.Item>}
            {isNew && (
              <Form.Item label={t('roles.name')} required validateStatus={document.name && !nameValid ? 'error' : undefined} help={document.name && !nameValid ? t('roles.nameRule') : undefined} style={{ minWidth: 220 }}>
                <Input value={document.name} onChange={(event) => setDocument({ ...document, name: event.target.value.trim() })} placeholder="regional_sales" />
                <PointerErrors at="/name" />
              </Form.Item>
            )}
            <Form.Item label={t('roles.labelZh')} style={{ minWidth: 220 }}>
              <Input lang="zh-CN" disabled={readOnly} value={label['zh-CN'] ?? ''} onChange={(event) => setLabel('zh-CN', event.target.value)} />
              <PointerErrors at="/label/zh-CN" />
            </Form.Item>
            <Form.Item label={t('roles.labelEn')} style={{ minWidth: 220 }}>
              <Input lang="en" disabled={readOnly} value={label.en ?? ''} onChange={(event) => setLabel('en', event.target.value)} />
              <PointerErrors at="/label/en" />
            </Form.Item>
          </Flex>
          <Form.Item label={t('roles.capabilities')} style={{ marginBottom: 0 }}>
            <Checkbox.Group<Capability>
              disabled={readOnly} value={document.capabilities ?? []} onChange={(values) => setDocument({ ...document, capabilities: values })}
              options={capabilities.map((capability) => ({ value: capability, label: t(`roles.capability.${capability}`) }))}
            />
            <PointerErrors at="/capabilities" />
          </Form.Item>
        </Form>
      </Card>
      <PermissionMatrix document={document} objects={objects} disabled={readOnly} onChange={setDocument} />
    </PointerErrorsContext.Provider>
  );
}
