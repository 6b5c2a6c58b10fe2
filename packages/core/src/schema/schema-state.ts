import type { Blueprint, Field, ObjectDefinition } from '../documents/index.js';

/** Archived data of an object or field, kept under a hidden name until purged. */
export interface ArchiveRecord {
  id: number;
  kind: 'object' | 'field';
  objectId: string;
  fieldId: string | null;
  physicalName: string;
  /** The definition when archived; for objects also the hidden names of their join tables. */
  definition: { object?: ObjectDefinition; field?: Field; joinTables?: Record<string, string> };
}

/** What a workspace's tables are now: the applied blueprint and the archives. */
export interface SchemaState {
  schema: string;
  version: number;
  blueprint: Blueprint | null;
  archives: ArchiveRecord[];
}
