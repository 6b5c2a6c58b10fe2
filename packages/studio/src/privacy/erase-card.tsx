import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { ErrorAlert } from '../components/error-alert.js';

/** Erasing a person: personal fields anonymised across related records, after the user types the confirmation word. */
export function EraseCard({ path }: { path: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const word = t('privacy.eraseWord');
  const erase = useMutation({
    mutationFn: () => api.post<unknown>(path, { confirm: true }),
    onSuccess: () => { setOpen(false); void message.success(t('privacy.erased')); },
  });
  return (
    <Card title={t('privacy.erase')} style={{ marginBottom: 16, borderColor: '#ffccc7' }}>
      <Typography.Paragraph>{t('privacy.eraseExplain')}</Typography.Paragraph>
      {erase.isSuccess && <Alert type="success" showIcon title={t('privacy.erased')} style={{ marginBottom: 16 }} />}
      <Button danger onClick={() => { setTyped(''); erase.reset(); setOpen(true); }}>{t('privacy.erase')}</Button>
      <Modal
        open={open} title={t('privacy.eraseConfirmTitle')} okText={t('privacy.erase')} cancelText={t('common.cancel')} okButtonProps={{ danger: true, disabled: typed.trim() !== word }}
        confirmLoading={erase.isPending} onOk={() => erase.mutate()} onCancel={() => setOpen(false)} destroyOnHidden
      >
        <ErrorAlert error={erase.error} />
        <Typography.Paragraph>{t('privacy.eraseConfirmText', { word })}</Typography.Paragraph>
        <Input aria-label={t('privacy.eraseConfirmLabel')} value={typed} onChange={(event) => setTyped(event.target.value)} autoFocus />
      </Modal>
    </Card>
  );
}
