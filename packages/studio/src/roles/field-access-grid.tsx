import { Radio, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObjectPermission } from '../api/roles.js';
import type { FieldAccess } from '../api/types.js';
import { PointerErrors, pointerOf } from '../components/pointer-errors.js';
import { anyKey, effectiveFieldAccess } from './role-document.js';

const accesses: FieldAccess[] = ['none', 'read', 'write'];
const inherit = 'inherit';

interface Row { name: string; label: string; personal: boolean }

/** Fields × access (none/read/write) of one object; a field not named takes the object's "*" default. */
export function FieldAccessGrid({ permission, fields, pointer, disabled, onChange }: {
  permission: ObjectPermission; fields: Row[]; pointer: string; disabled: boolean; onChange: (field: string, access: FieldAccess | undefined) => void;
}) {
  const { t } = useTranslation();
  const rows: Row[] = [{ name: anyKey, label: t('roles.otherFields'), personal: false }, ...fields];
  const columns = [
    {
      key: 'field', title: t('roles.field'),
      render: (_: unknown, row: Row) => (
        <>
          {row.label} {row.personal && <Tag color="orange">{t('roles.personal')}</Tag>}
          <PointerErrors at={`${pointer}${pointerOf('fields', row.name)}`} />
        </>
      ),
    },
    {
      key: 'access', title: t('roles.access'),
      render: (_: unknown, row: Row) => {
        const named = permission.fields?.[row.name];
        const options = [
          ...(row.name === anyKey ? [] : [{ value: inherit, label: t('roles.inherit', { access: t(`roles.fieldAccess.${effectiveFieldAccess(permission, anyKey)}`) }) }]),
          ...accesses.map((access) => ({ value: access, label: t(`roles.fieldAccess.${access}`) })),
        ];
        return (
          <Radio.Group
            aria-label={t('roles.accessOf', { field: row.label })} size="small" optionType="button" disabled={disabled} options={options}
            value={named ?? (row.name === anyKey ? effectiveFieldAccess(permission, anyKey) : inherit)}
            onChange={(event) => onChange(row.name, event.target.value === inherit ? undefined : event.target.value as FieldAccess)}
          />
        );
      },
    },
  ];
  return <Table<Row> rowKey="name" size="small" columns={columns} dataSource={rows} pagination={false} />;
}
