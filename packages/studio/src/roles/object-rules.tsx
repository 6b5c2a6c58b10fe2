import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleDocument } from '../api/roles.js';
import type { ModelObject } from '../api/workspace-model.js';
import { pointerOf } from '../components/pointer-errors.js';
import { useFormat } from '../i18n/format.js';
import type { FieldOption } from './condition-editor.js';
import { FieldAccessGrid } from './field-access-grid.js';
import { FilterBuilder } from './filter-builder.js';
import { anyKey, effectivePermission, hasOwnEntry, setFieldAccess, setRows, systemFields } from './role-document.js';

/** One object's field access and row rule, under its row of the matrix. */
export function ObjectRules({ document, objectName, object, disabled, onChange }: {
  document: RoleDocument; objectName: string; object: ModelObject | undefined; disabled: boolean; onChange: (document: RoleDocument) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const permission = effectivePermission(document, objectName);
  const pointer = pointerOf('objects', objectName);
  const fields = (object?.fields ?? []).map((field) => ({ name: field.name, label: format.label(field.label, field.name), personal: field.personal }));
  const ruleFields: FieldOption[] = [
    ...systemFields.map((name) => ({ value: name, label: t(`roles.system.${name}`), type: name.endsWith('_at') ? 'datetime' : 'text' })),
    ...(object?.fields ?? []).filter((field) => field.type !== 'relation').map((field) => ({ value: field.name, label: format.label(field.label, field.name), type: field.type })),
  ];
  return (
    <Flex vertical gap={16} style={{ padding: '8px 0' }}>
      {objectName !== anyKey && !hasOwnEntry(document, objectName) && <Alert type="info" showIcon title={t('roles.inheritsNote')} />}
      <div>
        <Typography.Title level={3} style={{ fontSize: 14 }}>{t('roles.fieldsTitle')}</Typography.Title>
        <FieldAccessGrid
          permission={permission} fields={fields} pointer={pointer} disabled={disabled}
          onChange={(field, access) => onChange(setFieldAccess(document, objectName, field, access))}
        />
      </div>
      <div>
        <Typography.Title level={3} style={{ fontSize: 14 }}>{t('roles.rowsTitle')}</Typography.Title>
        <FilterBuilder
          value={permission.rows} fields={ruleFields} pointer={`${pointer}/rows`} disabled={disabled}
          onChange={(rows) => onChange(setRows(document, objectName, rows))}
        />
      </div>
    </Flex>
  );
}
