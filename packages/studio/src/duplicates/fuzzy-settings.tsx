import { Alert, Flex, Form, InputNumber, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FuzzyMatching } from './duplicate-types.js';
import { defaultFuzzy, defaultReview, defaultThreshold, isComplete, withCompared, withScores } from './fuzzy-rule.js';
import { ScoreSlider } from './score-slider.js';

/** A field a rule may name, with its label in the current language. */
export interface FieldChoice {
  value: string;
  label: string;
}

/**
 * The likeness part of a matching rule: switched on, candidates share the block fields exactly and
 * are scored by the weighted similarity of the compared fields; from the threshold they are the same
 * record, from the review score they wait for a person. Used by the import wizard and by dedupe runs,
 * which leave out a rule still lacking a block or a compared field (and say so here).
 */
export function FuzzySettings({ fields, value, onChange }: { fields: FieldChoice[]; value: FuzzyMatching | undefined; onChange: (next: FuzzyMatching | undefined) => void }) {
  const { t } = useTranslation();
  const labelOf = (name: string) => fields.find((field) => field.value === name)?.label ?? name;
  const toggle = (on: boolean) => onChange(on ? defaultFuzzy(fields.map((field) => field.value)) : undefined);
  return (
    <Flex vertical gap={12}>
      <label style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <Switch checked={value !== undefined} onChange={toggle} disabled={fields.length === 0} />
        <Typography.Text>{t('duplicates.fuzzy.enable')}</Typography.Text>
      </label>
      {value && (
        <Form layout="vertical" component="div">
          <Form.Item label={t('duplicates.fuzzy.block')} help={t('duplicates.fuzzy.blockHelp')}>
            <Select
              mode="multiple" maxCount={3} aria-label={t('duplicates.fuzzy.block')} value={value.block}
              onChange={(block: string[]) => onChange({ ...value, block })} options={fields}
            />
          </Form.Item>
          <Form.Item label={t('duplicates.fuzzy.compare')} help={t('duplicates.fuzzy.compareHelp')}>
            <Flex vertical gap={8}>
              <Select
                mode="multiple" maxCount={10} aria-label={t('duplicates.fuzzy.compare')} value={Object.keys(value.compare)}
                onChange={(names: string[]) => onChange(withCompared(value, names))} options={fields}
              />
              <Flex gap={16} wrap>
                {Object.entries(value.compare).map(([name, weight]) => (
                  <label key={name} style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
                    <Typography.Text>{t('duplicates.fuzzy.weightOf', { field: labelOf(name) })}</Typography.Text>
                    <InputNumber
                      size="small" min={0.1} max={100} step={1} style={{ width: 72 }} value={weight}
                      aria-label={t('duplicates.fuzzy.weightOf', { field: labelOf(name) })}
                      onChange={(next) => { if (typeof next === 'number' && next > 0) onChange({ ...value, compare: { ...value.compare, [name]: next } }); }}
                    />
                  </label>
                ))}
              </Flex>
            </Flex>
          </Form.Item>
          <ScoreSlider label={t('duplicates.fuzzy.threshold')} value={value.threshold ?? defaultThreshold} onChange={(threshold) => onChange(withScores(value, { threshold }))} />
          <ScoreSlider label={t('duplicates.fuzzy.review')} value={Math.min(value.review ?? defaultReview, value.threshold ?? defaultThreshold)} onChange={(review) => onChange(withScores(value, { review }))} />
          <Typography.Text type="secondary">{t('duplicates.fuzzy.scoresHelp')}</Typography.Text>
          {!isComplete(value) && <Alert type="warning" showIcon title={t('duplicates.fuzzy.incomplete')} style={{ marginTop: 8 }} />}
        </Form>
      )}
    </Flex>
  );
}
