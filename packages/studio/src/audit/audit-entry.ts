/** A change of one field: both values, or (a personal field) only that it changed. */
export type FieldChange = { old: unknown; new: unknown } | { changed: true };

/** One line of a workspace's or the platform's audit log. */
export interface AuditEntry {
  id: string | number;
  at: string;
  actorId?: string | null;
  actorLabel?: string | null;
  action: string;
  object?: string | null;
  recordId?: string | null;
  target?: string | null;
  changes?: Record<string, FieldChange> | null;
  /** Platform events: what else the event recorded. */
  details?: Record<string, unknown> | null;
  ip?: string | null;
  requestId?: string | null;
}

/** The filters of the audit log viewer (query parameters of GET …/audit). */
export interface AuditFilters {
  object?: string;
  record?: string;
  target?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Actions of a workspace's log offered as suggestions (any other text may be typed). */
export const workspaceActions = ['record.create', 'record.update', 'record.delete', 'record.restore', 'record.reveal', 'record.export', 'record.import', 'privacy.export', 'privacy.erase', 'privacy.consent'];

/** Actions of the platform's log offered as suggestions. */
export const platformActions = [
  'auth.sign_in', 'auth.sign_in_failed', 'auth.locked', 'auth.sign_out', 'auth.password_changed', 'auth.password_change_failed',
  'api_key.created', 'api_key.revoked', 'user.created', 'user.updated', 'user.password_reset',
  'workspace.create', 'workspace.rename', 'workspace.clone', 'workspace.export', 'workspace.archive', 'workspace.restore',
];

/** The i18n key of an action's name (action codes contain dots, which i18n keys use as separators). */
export const actionKey = (action: string) => `audit.actions.${action.replace(/\./g, '_')}`;
