/** Audit: the append-only logs of a workspace (records, documents, permissions) and of the platform (sign-ins, users, workspaces). */
export { appendPlatformAudit, type PlatformAuditEntry } from './platform-audit.js';
export { appendAudit, type AuditEntry } from './append-audit.js';
export { auditStamp, stampColumns, stampValues, type AuditStamp } from './audit-stamp.js';
export { changeSetSql, beforeRowsSql, oldRowJoin } from './change-set-sql.js';
export { queryAudit, type AuditEvent, type AuditPage } from './query-audit.js';
