import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { identifierPattern } from './object-changes.js';
import { fieldTypes } from './field-rules.js';
import { PointerItem } from './pointer-item.js';

/** The API name, type, labels and help of a field. `takenNames`: the other fields' names in the object. */
export function FieldBasicItems({ takenNames, existing }: { takenNames: ReadonlySet<string>; existing: boolean }) {
  const { t } = useTranslation();
  const required = { required: true, whitespace: true, message: t('validation.required') };
  const nameRule = {
    validator: async (_: unknown, value: string | undefined) => {
      const name = (value ?? '').trim();
      if (!identifierPattern.test(name)) throw new Error(t('build.objects.name_rule'));
      if (takenNames.has(name)) throw new Error(t('build.fields.nameTaken'));
    },
  };
  return (
    <>
      <Flex gap={12}>
        <PointerItem pointer="/label/zh-CN" name={['label', 'zh-CN']} label={t('build.fields.labelZh')} rules={[required, { max: 500 }]} style={{ flex: 1 }}><Input lang="zh-CN" /></PointerItem>
        <PointerItem pointer="/label/en" name={['label', 'en']} label={t('build.fields.labelEn')} rules={[required, { max: 500 }]} style={{ flex: 1 }}><Input lang="en" /></PointerItem>
      </Flex>
      <Flex gap={12}>
        <PointerItem pointer="/name" name="name" label={t('build.prop.name')} required rules={[nameRule]} extra={existing ? t('build.fields.renameHelp') : undefined} style={{ flex: 1 }}>
          <Input spellCheck={false} autoComplete="off" placeholder="mobile" />
        </PointerItem>
        <PointerItem pointer="/type" name="type" label={t('build.prop.type')} rules={[{ required: true, message: t('validation.required') }]} style={{ flex: 1 }}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={fieldTypes.map((type) => ({ value: type, label: t(`build.type.${type}`) }))} />
        </PointerItem>
      </Flex>
      <Flex gap={12}>
        <PointerItem pointer="/help/zh-CN" name={['help', 'zh-CN']} label={t('build.fields.helpZh')} rules={[{ max: 500 }]} style={{ flex: 1 }}><Input.TextArea lang="zh-CN" autoSize={{ minRows: 1, maxRows: 3 }} /></PointerItem>
        <PointerItem pointer="/help/en" name={['help', 'en']} label={t('build.fields.helpEn')} rules={[{ max: 500 }]} style={{ flex: 1 }}><Input.TextArea lang="en" autoSize={{ minRows: 1, maxRows: 3 }} /></PointerItem>
      </Flex>
    </>
  );
}
