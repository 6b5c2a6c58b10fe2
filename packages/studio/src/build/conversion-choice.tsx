import { Button, Flex, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversion, PlanStep } from '../api/blueprint.js';
import { acceptedConversions, valueKind } from './step-checks.js';

type Kind = Conversion['onInvalid'];

function initialText(conversion: Conversion | undefined): string {
  return conversion?.onInvalid === 'set_value' ? String(conversion.value) : '';
}

/** The replacement value typed as the field needs it, or the message of why it cannot be used. */
function replacement(step: PlanStep, text: string): { value: string | number | boolean } | { problem: string } {
  const kind = valueKind(step);
  if (text.trim() === '') return { problem: 'build.conversion.valueRequired' };
  if (kind === 'boolean') return { value: text === 'true' };
  if (kind === 'number') {
    const number = Number(text);
    return Number.isFinite(number) ? { value: number } : { problem: 'build.conversion.numberRequired' };
  }
  return { value: text };
}

/** The choice of what to do with the rows a checked step would break; choosing re-plans through onChange. */
export function ConversionChoice({ step, conversion, disabled, onChange }: {
  step: PlanStep; conversion: Conversion | undefined; disabled: boolean; onChange: (conversion: Conversion) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind | undefined>(conversion?.onInvalid);
  const [text, setText] = useState(initialText(conversion));
  const accepts = acceptedConversions(step);
  if (accepts.length === 0) return <Typography.Text type="danger">{t('build.check.noConversion')}</Typography.Text>;
  const typed = replacement(step, text);
  const choose = (next: Kind) => {
    setKind(next);
    if (next !== 'set_value') onChange({ onInvalid: next });
  };
  const sendValue = () => { if ('value' in typed) onChange({ onInvalid: 'set_value', value: typed.value }); };
  const label = t('build.conversion.label');
  return (
    <Flex vertical gap={8}>
      <Radio.Group aria-label={label} value={kind} disabled={disabled} onChange={(event) => choose(event.target.value as Kind)}
        options={accepts.map((value) => ({ value, label: t(`build.conversion.${value}`) }))} />
      {kind === 'set_value' && (
        <Flex gap={8} align="start" wrap>
          <div>
            {valueKind(step) === 'boolean' ? (
              <Select aria-label={t('build.conversion.value')} style={{ width: 160 }} value={text || undefined} disabled={disabled} onChange={setText}
                options={[{ value: 'true', label: t('build.conversion.true') }, { value: 'false', label: t('build.conversion.false') }]} />
            ) : valueKind(step) === 'number' ? (
              <InputNumber aria-label={t('build.conversion.value')} style={{ width: 200 }} value={text === '' ? null : text} disabled={disabled} stringMode
                onChange={(value) => setText(value === null ? '' : String(value))} onPressEnter={sendValue} />
            ) : (
              <Input aria-label={t('build.conversion.value')} style={{ width: 240 }} value={text} disabled={disabled} onChange={(event) => setText(event.target.value)} onPressEnter={sendValue} />
            )}
            {'problem' in typed && text !== '' && <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>{t(typed.problem)}</Typography.Text>}
          </div>
          <Button disabled={disabled || 'problem' in typed} onClick={sendValue}>{t('build.conversion.recheck')}</Button>
        </Flex>
      )}
    </Flex>
  );
}
