import { Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Which sheet of a workbook to read: its name, or its position (1 is the first). */
export type SheetChoice = string | number;

/** What a typed sheet names: all digits is a position, anything else a name. */
export function typedSheet(text: string): SheetChoice | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * The sheet of a workbook the wizard reads. With the workbook's sheets known, a choice among them
 * (by name), or the one sheet's name; else (the server answered an error that does not list them)
 * a name or position to type, sent on Enter or when the field is left. `noTable`: the sheet read
 * holds no table, and the user is told to choose another.
 */
export function SheetPicker({ sheets, value, noTable, onChange }: { sheets: string[] | undefined; value: SheetChoice | undefined; noTable: boolean; onChange: (sheet: SheetChoice | undefined) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(value === undefined ? '' : String(value));
  if (sheets && sheets.length === 1) return <Typography.Text>{t('imports.sheet.only', { name: sheets[0] })}</Typography.Text>;
  if (sheets && sheets.length > 1) {
    const chosen = value === undefined ? sheets[0] : typeof value === 'number' ? sheets[value - 1] : value;
    return (
      <label style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <Typography.Text>{t('imports.sheet.label')}</Typography.Text>
        <Select
          aria-label={t('imports.sheet.label')} style={{ width: 240 }} value={chosen} onChange={(name: string) => onChange(name)}
          options={sheets.map((name, index) => ({ value: name, label: name, title: name, position: index + 1 }))}
          optionRender={(option) => <>{option.label} <Typography.Text type="secondary" style={{ fontSize: 12 }}>#{option.data.position}</Typography.Text></>}
        />
        {noTable && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('imports.sheet.noTableChoose')}</Typography.Text>}
      </label>
    );
  }
  const commit = () => { if (typedSheet(typed) !== value) onChange(typedSheet(typed)); };
  return (
    <label style={{ maxWidth: 400 }}>
      <Typography.Text>{t('imports.upload.sheet')}</Typography.Text>
      <Input aria-label={t('imports.upload.sheet')} value={typed} onChange={(event) => setTyped(event.target.value)} onPressEnter={commit} onBlur={commit} />
      {noTable && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('imports.sheet.noTable')}</Typography.Text>}
    </label>
  );
}
