import { Button, Checkbox, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleDocument } from '../api/roles.js';
import { actions } from '../api/types.js';
import type { ModelObject } from '../api/workspace-model.js';
import { PointerErrors, pointerOf } from '../components/pointer-errors.js';
import { useFormat } from '../i18n/format.js';
import { ObjectRules } from './object-rules.js';
import { anyKey, effectivePermission, hasOwnEntry, resetObject, setAction } from './role-document.js';

interface Row { name: string; label: string; object?: ModelObject }

/**
 * Objects × actions as a grid of checkboxes; "*" (every object not named) first. An object without
 * its own entry shows the defaults, and ticking a box gives it its own copy. Each row opens to its
 * field access and row rule.
 */
export function PermissionMatrix({ document, objects, disabled, onChange }: {
  document: RoleDocument; objects: ModelObject[]; disabled: boolean; onChange: (document: RoleDocument) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: Row[] = [
    { name: anyKey, label: t('roles.otherObjects') },
    ...objects.map((object) => ({ name: object.name, label: format.label(object.label, object.name), object })),
  ];
  const columns = [
    {
      key: 'object', title: t('roles.object'), fixed: 'left' as const,
      render: (_: unknown, row: Row) => (
        <>
          <Typography.Text strong={row.name === anyKey}>{row.label}</Typography.Text>
          {row.name !== anyKey && !hasOwnEntry(document, row.name) && <Tag style={{ marginInlineStart: 8 }}>{t('roles.usesDefaults')}</Tag>}
          <PointerErrors at={pointerOf('objects', row.name, 'actions')} />
        </>
      ),
    },
    ...actions.map((action) => ({
      key: action, title: t(`roles.action.${action}`), align: 'center' as const,
      render: (_: unknown, row: Row) => (
        <Checkbox
          aria-label={`${row.label} ${t(`roles.action.${action}`)}`} disabled={disabled}
          checked={effectivePermission(document, row.name).actions.includes(action)}
          onChange={(event) => onChange(setAction(document, row.name, action, event.target.checked))}
        />
      ),
    })),
    {
      key: 'reset', title: '',
      render: (_: unknown, row: Row) => row.name !== anyKey && hasOwnEntry(document, row.name) && !disabled && (
        <Button size="small" type="link" onClick={() => onChange(resetObject(document, row.name))}>{t('roles.useDefaults')}</Button>
      ),
    },
  ];
  return (
    <Table<Row>
      rowKey="name" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }}
      expandable={{
        expandedRowRender: (row) => <ObjectRules document={document} objectName={row.name} object={row.object} disabled={disabled} onChange={onChange} />,
      }}
    />
  );
}
