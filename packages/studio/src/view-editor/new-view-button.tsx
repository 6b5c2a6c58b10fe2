import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObjectDefinition } from '../api/documents.js';
import { useFormat } from '../i18n/format.js';

/** "New view" with a menu of the objects to make it for (opened by click, so the keyboard reaches it). */
export function NewViewButton({ objects, onPick }: { objects: ObjectDefinition[]; onPick: (object: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const items = objects.map((object) => ({ key: object.name, label: format.label(object.label, object.name) }));
  return (
    <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => onPick(key) }} disabled={items.length === 0}>
      <Button type="primary" icon={<PlusOutlined aria-hidden />}>{t('views.page.new')} <DownOutlined aria-hidden /></Button>
    </Dropdown>
  );
}
