import { Flex, Input, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Cleaning, ImportMapping } from './import-types.js';

const switches = ['phones', 'emails', 'text', 'addresses'] as const;

/** The cleaning rules of a mapping: each on unless switched off, and the country of national phone numbers. */
export function CleaningSettings({ mapping, onChange }: { mapping: ImportMapping; onChange: (next: ImportMapping) => void }) {
  const { t } = useTranslation();
  const clean: Cleaning = mapping.clean ?? {};
  const set = (patch: Cleaning) => onChange({ ...mapping, clean: { ...clean, ...patch } });
  return (
    <Flex vertical gap={12}>
      {switches.map((name) => (
        <label key={name} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <Switch checked={clean[name] !== false} onChange={(on) => set({ [name]: on })} />
          <Typography.Text>{t(`imports.cleaning.${name}`)}</Typography.Text>
        </label>
      ))}
      <label style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <Typography.Text>{t('imports.cleaning.country')}</Typography.Text>
        <Input
          style={{ width: 80 }} maxLength={2} value={clean.defaultCountry ?? 'CN'}
          onChange={(event) => { const code = event.target.value.toUpperCase(); if (/^[A-Z]{2}$/.test(code)) set({ defaultCountry: code }); }}
        />
      </label>
    </Flex>
  );
}
