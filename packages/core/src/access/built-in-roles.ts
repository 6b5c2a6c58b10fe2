import type { Filter, Role } from '../documents/index.js';

const everyAction = ['read', 'create', 'update', 'delete', 'export', 'import', 'reveal'] as const;

/** Records owned by nobody: the shared pool (公海) every sales member may pick from. */
const unowned: Filter = { field: 'owner_id', op: 'is_null', value: true };

/**
 * The roles every workspace has. They cannot be edited (a workspace admin copies one into a new
 * role instead) and they speak only of system columns, so they fit any blueprint.
 */
export const builtInRoles: readonly Role[] = [
  {
    name: 'admin',
    label: { 'zh-CN': '工作区管理员', en: 'Workspace admin' },
    description: { 'zh-CN': '全部数据与全部设置', en: 'Every record and every setting' },
    capabilities: ['blueprint', 'members', 'roles', 'audit', 'privacy'],
    objects: { '*': { actions: [...everyAction], fields: { '*': 'write' } } },
  },
  {
    name: 'manager',
    label: { 'zh-CN': '经理', en: 'Manager' },
    description: { 'zh-CN': '本团队成员负责的记录和无人负责的记录；可导出、导入、删除，可查看审计日志', en: 'Records owned by the team or by nobody; may export, import and delete, and read the audit log' },
    capabilities: ['audit'],
    objects: { '*': { actions: [...everyAction], fields: { '*': 'write' }, rows: { or: [{ field: 'owner_id', op: 'in', value: '$user.team_member_ids' }, unowned] } } },
  },
  {
    name: 'sales',
    label: { 'zh-CN': '销售', en: 'Sales' },
    description: { 'zh-CN': '自己负责的记录和公海记录：查看、新建、修改', en: 'Own records and the unowned pool: read, create, update' },
    objects: { '*': { actions: ['read', 'create', 'update', 'reveal'], fields: { '*': 'write' }, rows: { or: [{ field: 'owner_id', op: 'eq', value: '$user.id' }, unowned] } } },
  },
  {
    name: 'service',
    label: { 'zh-CN': '客服', en: 'Service' },
    description: { 'zh-CN': '查看和修改全部记录，可查看个人信息明文（留痕）', en: 'Read and update every record; may reveal personal values (audited)' },
    objects: { '*': { actions: ['read', 'create', 'update', 'reveal'], fields: { '*': 'write', owner_id: 'read' } } },
  },
  {
    name: 'read_only',
    label: { 'zh-CN': '只读', en: 'Read-only' },
    description: { 'zh-CN': '只能查看，个人信息保持脱敏', en: 'Read only; personal values stay masked' },
    objects: { '*': { actions: ['read'], fields: { '*': 'read' } } },
  },
];

/** The built-in role of that name, if it is one. */
export function builtInRole(name: string): Role | undefined {
  return builtInRoles.find((role) => role.name === name);
}
