import type { Principal } from '../access/index.js';

/** Who acted and from where, as the audit log stores it. */
export interface AuditStamp {
  actorId: string;
  actorLabel: string;
  ip: string | null;
  requestId: string | null;
  channel: string | null;
}

/** The stamp of a principal. */
export function auditStamp(principal: Principal): AuditStamp {
  return {
    actorId: principal.userId,
    actorLabel: principal.label,
    ip: principal.source?.ip ?? null,
    requestId: principal.source?.requestId ?? null,
    channel: principal.source?.channel ?? (principal.kind === 'api_key' ? 'api' : null),
  };
}

/** The stamp's values in the order of `stampColumns`. */
export function stampValues(stamp: AuditStamp): (string | null)[] {
  return [stamp.actorId, stamp.actorLabel, stamp.ip, stamp.requestId, stamp.channel];
}

/** The audit columns a stamp fills, in the order of `stampValues`. */
export const stampColumns = 'actor_id, actor_label, ip, request_id, channel';
