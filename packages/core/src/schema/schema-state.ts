import type { Blueprint, Field, ObjectDefinition } from '../documents/index.js';

/** Archived data of an object or field, kept under a hidden name until purged. */
export interface ArchiveRecord {
  id: number;
  kind: 'object' | 'field';
  objectId: string;
  fieldId: string | null;
  physicalName: string;
  /**
   * The definition when archived; for objects also the hidden names of their join tables; the
   * object ids relation fields pointed at (by field id), since targets are named and may be renamed.
   */
  definition: { object?: ObjectDefinition; field?: Field; joinTables?: Record<string, string>; targetIds?: Record<string, string> };
}

/** What a workspace's tables are now: the applied blueprint and the archives. */
export interface SchemaState {
  schema: string;
  version: number;
  blueprint: Blueprint | null;
  archives: ArchiveRecord[];
}
