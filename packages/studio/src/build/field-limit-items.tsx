import { Flex, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Field } from '../api/documents.js';
import { applies } from './field-rules.js';
import { PointerItem } from './pointer-item.js';

const autonumberPattern = /^[^{}]*(\{(YYYY|YY|MM|DD|0+)\}[^{}]*)+$/;
const resultTypes = ['text', 'integer', 'decimal', 'boolean', 'date', 'datetime'] as const;

function NumberItem({ property, integer, min, max }: { property: string; integer?: boolean; min?: number; max?: number }) {
  const { t } = useTranslation();
  return (
    <PointerItem pointer={`/${property}`} name={property} label={t(`build.prop.${property}`)} style={{ flex: 1, minWidth: 140 }}>
      <InputNumber style={{ width: '100%' }} {...(integer ? { precision: 0 } : {})} {...(min !== undefined ? { min } : {})} {...(max !== undefined ? { max } : {})} />
    </PointerItem>
  );
}

function checkPattern(message: string) {
  return async (_: unknown, value: string | undefined) => {
    if (!value) return;
    try { new RegExp(value, 'u'); } catch { throw new Error(message); }
  };
}

/** Bounds, lengths, pattern, precision, currency, autonumber pattern and computed type: each shown only for types it applies to. */
export function FieldLimitItems() {
  const { t } = useTranslation();
  const type = Form.useWatch<Field['type'] | undefined>('type', Form.useFormInstance()) ?? 'text';
  const has = (property: string) => applies(property, type);
  return (
    <>
      {has('min') && <Flex gap={12} wrap><NumberItem property="min" /><NumberItem property="max" /></Flex>}
      {has('maxLength') && <Flex gap={12} wrap>{has('minLength') && <NumberItem property="minLength" integer min={0} max={1000000} />}<NumberItem property="maxLength" integer min={1} max={1000000} /></Flex>}
      {has('pattern') && (
        <PointerItem pointer="/pattern" name="pattern" label={t('build.prop.pattern')} extra={t('build.fields.patternHelp')} rules={[{ max: 500 }, { validator: checkPattern(t('build.fields.patternBad')) }]}>
          <Input spellCheck={false} placeholder="^1[3-9]\d{9}$" />
        </PointerItem>
      )}
      {has('precision') && <Flex gap={12} wrap><NumberItem property="precision" integer min={1} max={38} /><NumberItem property="scale" integer min={0} max={12} /></Flex>}
      {has('currency') && (
        <PointerItem pointer="/currency" name="currency" label={t('build.prop.currency')} extra={t('build.fields.currencyHelp')} rules={[{ pattern: /^[A-Za-z]{3}$/, message: t('build.fields.currencyBad') }]}>
          <Input style={{ width: 120 }} placeholder="CNY" maxLength={3} />
        </PointerItem>
      )}
      {type === 'autonumber' && (
        <PointerItem pointer="/autonumber" name="autonumber" label={t('build.prop.autonumber')} extra={t('build.fields.autonumberHelp')}
          rules={[{ required: true, message: t('validation.required') }, { pattern: autonumberPattern, message: t('build.fields.autonumberBad') }, { max: 60 }]}>
          <Input spellCheck={false} placeholder="SO-{YYYY}{MM}-{000000}" />
        </PointerItem>
      )}
      {type === 'computed' && (
        <PointerItem pointer="/computed" name="resultType" label={t('build.prop.resultType')} extra={t('build.fields.computedHelp')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={resultTypes.map((value) => ({ value, label: t(`build.type.${value}`) }))} />
        </PointerItem>
      )}
    </>
  );
}
