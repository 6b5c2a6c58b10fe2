import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, query, seg } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import type { ModelObject } from '../api/workspace-model.js';
import { useLocale } from '../i18n/index.js';
import type { EffectiveList } from './effective-list.js';
import { exportParams } from './list-params.js';

type Format = 'csv' | 'xlsx';

/** Downloads the list's records (its filter, order and columns, every page) as CSV or Excel; the server streams the file. */
export function ExportMenu({ slug, object, list }: { slug: string; object: ModelObject; list: EffectiveList }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (format: Format) => {
    setBusy(true);
    try {
      await download(`/api/w/${seg(slug)}/data/${seg(object.name)}/export${query(exportParams(list, object, format))}`, `${object.name}.${format}`);
    } catch (error) {
      void message.error(errorText(error, locale, t));
    } finally {
      setBusy(false);
    }
  };
  const items = [
    { key: 'csv', label: t('list.export.csv') },
    { key: 'xlsx', label: t('list.export.xlsx') },
    // The export follows the filter, not the quick search: say so while a search narrows the list.
    ...(list.search ? [{ key: 'note', label: t('list.export.searchIgnored'), disabled: true }] : []),
  ];
  return (
    <Dropdown menu={{ items, onClick: ({ key }) => void run(key as Format) }} trigger={['click']}>
      <Button icon={<DownloadOutlined aria-hidden />} loading={busy}>{t('list.export.button')}</Button>
    </Dropdown>
  );
}
