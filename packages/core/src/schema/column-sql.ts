import { decimalShape, valueKindOf, type Field } from '../documents/index.js';
import { sequenceName } from './physical-names.js';
import { sqlLiteral, sqlString } from './sql-identifiers.js';

/**
 * Timestamps are kept to the millisecond, the precision the API answers in: a value read back and
 * sent again (a list cursor, an optimistic update) then matches the stored one exactly.
 */
export const timestampType = 'timestamptz(3)';

/** The PostgreSQL type of a field's column. */
export function columnType(field: Field): string {
  // An envelope is longer than its plaintext (a 14-character phone number takes 70): no varchar limit.
  if (field.encrypted === true) return 'text';
  if (field.type === 'long_text') return 'text';
  if (field.type === 'autonumber') return 'varchar(64)';
  switch (valueKindOf(field)) {
    case 'text': return field.type === 'computed' ? 'text' : `varchar(${field.maxLength ?? defaultLength(field)})`;
    case 'integer': return 'bigint';
    case 'decimal': { const { precision, scale } = decimalShape(field); return `numeric(${precision},${scale})`; }
    case 'percent': return 'numeric(9,4)';
    case 'boolean': return 'boolean';
    case 'date': return 'date';
    case 'datetime': return timestampType;
    case 'select': return 'varchar(63)';
    case 'multi_select': return 'text[]';
    case 'json': return 'jsonb';
    case 'uuid': return 'uuid';
    case 'uuid_list': throw new Error(`field ${field.name} has no column`);
  }
}

function defaultLength(field: Field): number {
  if (field.type === 'email') return 254;
  if (field.type === 'phone') return 32;
  if (field.type === 'url') return 2048;
  return 255;
}

/** Turns an autonumber pattern such as C{YYYY}{000000} into a SQL expression. */
function autonumberSql(schema: string, objectId: string, field: Field, timezone: string): string {
  const pattern = field.autonumber?.pattern ?? '{000000}';
  const now = `(now() AT TIME ZONE ${sqlString(timezone)})`;
  const sequence = sqlString(`"${schema}"."${sequenceName(objectId, field.id)}"`);
  const parts = pattern.split(/(\{[^}]+\})/).filter(Boolean).map((part) => {
    const token = /^\{(YYYY|YY|MM|DD|0+)\}$/.exec(part)?.[1];
    if (!token) return sqlString(part);
    if (token.startsWith('0')) return `lpad(nextval(${sequence}::regclass)::text, ${token.length}, '0')`;
    return `to_char(${now}, '${token}')`;
  });
  return parts.join(' || ');
}

/** The SQL DEFAULT expression of a field's column, or undefined for none. */
export function columnDefaultSql(schema: string, objectId: string, field: Field, timezone: string): string | undefined {
  if (field.type === 'autonumber') return autonumberSql(schema, objectId, field, timezone);
  if (field.default === undefined || field.default === null) return undefined;
  const kind = valueKindOf(field);
  if (kind === 'multi_select') return `${sqlLiteral(field.default)}::text[]`;
  if (kind === 'json') return `${sqlString(JSON.stringify(field.default))}::jsonb`;
  return `${sqlLiteral(field.default)}::${columnType(field)}`;
}
