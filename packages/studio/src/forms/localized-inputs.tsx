import { Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../api/documents.js';

/** A text of a form document in both languages: two labelled inputs (Chinese first). */
export function LocalizedInputs({ label, value, onChange, multiline = false }: {
  label: string; value: LocalizedText | undefined; onChange: (text: LocalizedText) => void; multiline?: boolean;
}) {
  const { t } = useTranslation();
  const current = { 'zh-CN': value?.['zh-CN'] ?? '', en: value?.en ?? '' };
  const Field = multiline ? Input.TextArea : Input;
  return (
    <Form.Item label={label} style={{ marginBottom: 12 }}>
      <Flex vertical gap={6}>
        <Field lang="zh-CN" aria-label={t('forms.designer.inChinese', { label })} placeholder={t('forms.designer.chinese')} value={current['zh-CN']}
          onChange={(event) => onChange({ ...current, 'zh-CN': event.target.value })} />
        <Field lang="en" aria-label={t('forms.designer.inEnglish', { label })} placeholder={t('forms.designer.english')} value={current.en}
          onChange={(event) => onChange({ ...current, en: event.target.value })} />
      </Flex>
    </Form.Item>
  );
}
