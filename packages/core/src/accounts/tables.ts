import { platformSchema } from '../db/index.js';

/** The platform tables accounts read and write, qualified with their schema. */
export const tables = {
  users: `${platformSchema}.users`,
  sessions: `${platformSchema}.sessions`,
  apiKeys: `${platformSchema}.api_keys`,
  signInFailures: `${platformSchema}.sign_in_failures`,
  memberships: `${platformSchema}.memberships`,
  workspaces: `${platformSchema}.workspaces`,
  platformAudit: `${platformSchema}.platform_audit`,
} as const;
