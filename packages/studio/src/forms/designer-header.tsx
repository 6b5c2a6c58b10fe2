import { SaveOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';

/** What the designer's header shows and offers. */
export interface DesignerHeaderProps {
  object: ModelObject;
  objects: readonly ModelObject[];
  designed: boolean;
  dirty: boolean;
  pending: boolean;
  onSwitch: (object: string) => void;
  onUseDefault: () => void;
  onRemoveDesign: () => void;
  onSave: () => void;
}

/** The designer's title (whether the object's form is designed) and its actions: another object, default layout, remove, save. */
export function DesignerHeader({ object, objects, designed, dirty, pending, onSwitch, onUseDefault, onRemoveDesign, onSave }: DesignerHeaderProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const extra = (
    <>
      <Select aria-label={t('forms.designer.object')} value={object.name} onChange={onSwitch} style={{ minWidth: 180 }} showSearch={{ optionFilterProp: 'label' }}
        options={objects.map((candidate) => ({ value: candidate.name, label: format.label(candidate.label, candidate.name) }))} />
      <Button onClick={onUseDefault}>{t('forms.designer.useDefault')}</Button>
      {designed && (
        <Popconfirm title={t('forms.designer.removeConfirm')} onConfirm={onRemoveDesign} okText={t('common.yes')} cancelText={t('common.no')}>
          <Button danger disabled={pending}>{t('forms.designer.removeDesign')}</Button>
        </Popconfirm>
      )}
      <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={pending} disabled={!dirty} onClick={onSave}>{t('common.save')}</Button>
    </>
  );
  return (
    <PageHeader
      title={t('forms.designer.titleOf', { object: format.label(object.label, object.name) })}
      note={<Tag color={designed ? 'green' : 'default'}>{designed ? t('forms.designer.designedTag') : t('forms.designer.defaultTag')}</Tag>}
      extra={extra}
    />
  );
}
