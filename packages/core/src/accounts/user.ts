/** A user as the API shows it: never the password hash. */
export interface User {
  id: string;
  email: string;
  name: string;
  platformAdmin: boolean;
  locale: string;
  suspended: boolean;
  suspendedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Columns read to build a User (the hash is left out on purpose). */
export const userColumns = ['id', 'email', 'name', 'platform_admin', 'locale', 'suspended_at', 'created_at', 'updated_at'] as const;

/** A row of tessera.users with the columns of `userColumns`. */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  platform_admin: boolean;
  locale: string;
  suspended_at: string | null;
  created_at: string;
  updated_at: string;
}

/** The API shape of a users row. */
export function toUser(row: UserRow): User {
  return {
    id: row.id, email: row.email, name: row.name, platformAdmin: row.platform_admin, locale: row.locale,
    suspended: row.suspended_at !== null, suspendedAt: row.suspended_at, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a text is a uuid (checked before it reaches a uuid column, which would reject it with a 500). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuid.test(value);
}
