import { Alert, Button, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A save refused because someone saved the record meanwhile (409 VERSION_CONFLICT): reload the
 * latest version (the edits are lost, and the dialog says so) or keep editing on top of it.
 */
export function ConflictDialog({ open, busy, onReload, onKeep, children }: {
  open: boolean; busy: boolean; onReload: () => void; onKeep: () => void; children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open} title={t('forms.conflict.title')} closable={false} maskClosable={false} keyboard={false}
      footer={[
        <Button key="reload" danger loading={busy} onClick={onReload}>{t('forms.conflict.reload')}</Button>,
        <Button key="keep" type="primary" loading={busy} onClick={onKeep}>{t('forms.conflict.keep')}</Button>,
      ]}
    >
      {children}
      <Typography.Paragraph>{t('forms.conflict.body')}</Typography.Paragraph>
      <Alert type="warning" showIcon title={t('forms.conflict.reloadWarning')} style={{ marginBottom: 8 }} />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('forms.conflict.keepNote')}</Typography.Paragraph>
    </Modal>
  );
}
