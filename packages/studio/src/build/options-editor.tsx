import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, ColorPicker, Flex, Form, Input, Typography } from 'antd';
import type { AggregationColor } from 'antd/es/color-picker/color.js';
import { useTranslation } from 'react-i18next';
import { PointerErrors } from '../components/pointer-errors.js';

const optionValue = /^[a-z0-9][a-z0-9_-]{0,62}$/;

function colorValue(color: AggregationColor | undefined): string | undefined {
  return !color || color.cleared ? undefined : color.toHexString().slice(0, 7);
}

/** The options of a select field: value, labels in both languages and a colour each, in order. */
export function OptionsEditor() {
  const { t } = useTranslation();
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Form.Item label={t('build.prop.options')} required>
      <Form.List name="options" rules={[{ validator: async (_, options?: unknown[]) => { if (!options || options.length === 0) throw new Error(t('build.options.atLeastOne')); } }]}>
        {(rows, { add, remove, move }, { errors }) => (
          <Flex vertical gap={4}>
            {rows.map((row, index) => {
              const n = index + 1;
              return (
                <div key={row.key}>
                  <Flex gap={6} align="start">
                    <Form.Item name={[row.name, 'value']} rules={[required, { pattern: optionValue, message: t('build.options.valueRule') }]} style={{ marginBottom: 4, flex: 1 }}>
                      <Input aria-label={t('build.options.value', { n })} placeholder={t('build.prop.value')} spellCheck={false} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'label', 'zh-CN']} rules={[required]} style={{ marginBottom: 4, flex: 1 }}>
                      <Input aria-label={t('build.options.labelZh', { n })} placeholder={t('build.prop.zh-CN')} lang="zh-CN" />
                    </Form.Item>
                    <Form.Item name={[row.name, 'label', 'en']} rules={[required]} style={{ marginBottom: 4, flex: 1 }}>
                      <Input aria-label={t('build.options.labelEn', { n })} placeholder={t('build.prop.en')} lang="en" />
                    </Form.Item>
                    <Form.Item name={[row.name, 'color']} getValueFromEvent={colorValue} style={{ marginBottom: 4 }}>
                      <ColorPicker allowClear disabledAlpha aria-label={t('build.options.color', { n })} />
                    </Form.Item>
                    <Button type="text" icon={<ArrowUpOutlined aria-hidden />} aria-label={t('build.options.up', { n })} disabled={index === 0} onClick={() => move(index, index - 1)} />
                    <Button type="text" icon={<ArrowDownOutlined aria-hidden />} aria-label={t('build.options.down', { n })} disabled={index === rows.length - 1} onClick={() => move(index, index + 1)} />
                    <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('build.options.remove', { n })} onClick={() => remove(row.name)} />
                  </Flex>
                  <PointerErrors at={`/options/${index}`} />
                </div>
              );
            })}
            <Form.ErrorList errors={errors} />
            <PointerErrors at="/options" exact />
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ value: '', label: { 'zh-CN': '', en: '' } })}>{t('build.options.add')}</Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('build.options.help')}</Typography.Text>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
