import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, seg } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import { useLocale } from '../i18n/index.js';

/** Asks the server for one record's personal values (audited there) and hands them to the table. */
export function RevealButton({ slug, object, id, onRevealed }: { slug: string; object: string; id: string; onRevealed: (values: Record<string, unknown>) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const reveal = useMutation({
    mutationFn: () => api.post<{ data: Record<string, unknown> }>(`/api/w/${seg(slug)}/data/${seg(object)}/${seg(id)}/reveal`, {}),
    onSuccess: (answer) => onRevealed(answer.data),
    onError: (error) => void message.error(errorText(error, locale, t)),
  });
  return <Button size="small" icon={<EyeOutlined aria-hidden />} loading={reveal.isPending} onClick={() => reveal.mutate()}>{t('records.reveal')}</Button>;
}
