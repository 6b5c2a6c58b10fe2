import type { DataContext } from '../data/index.js';
import type { ImportMapping } from '../documents/index.js';
import type { FieldError } from '../errors/index.js';
import { compileMappingIn, readableTitleField } from './map/compile-mapping.js';
import { suggestMapping, type ColumnSuggestion } from './map/suggest-mapping.js';
import { mapRows, planBatch, type RowOutcome } from './plan-batch.js';
import { openTable, type TableInfo } from './read/open-table.js';
import type { ImportRequest } from './start-import.js';
import type { SourceRow } from './read/source-row.js';

/** One previewed row: its cells, the record it maps to, and what the import would do with it. */
export interface PreviewRow {
  number: number;
  cells: string[];
  record?: Record<string, unknown>;
  outcome: RowOutcome;
  errors?: FieldError[];
}

/** What an import would do with the first rows of a file, written nowhere. */
export interface ImportPreview {
  file: TableInfo;
  mapping: ImportMapping;
  /** How the mapping was suggested, per column (present when no mapping was given). */
  suggestion?: ColumnSuggestion[];
  rows: PreviewRow[];
}

/** Rows shown by default. */
const previewRows = 20;

/**
 * Reads the first rows of a file and runs them through the import's own planning (mapping,
 * cleaning, validation, matching against stored records) without writing: the studio's preview
 * and the CLI's confirmation show exactly what the import will do.
 */
export async function previewImport(context: DataContext, request: ImportRequest, limit = previewRows): Promise<ImportPreview> {
  const access = context.access.object(request.object, 'import');
  const table = await openTable(request.path, request);
  const rows: SourceRow[] = [];
  try {
    for await (const row of table.rows) {
      rows.push(row);
      if (rows.length >= Math.max(limit, 50)) break;
    }
  } finally {
    await table.rows.return(undefined);
  }
  const suggestion = request.mapping === undefined ? suggestMapping(access, table.info.headers, rows.map((row) => row.cells), (object) => readableTitleField(context, object)) : undefined;
  const mapping = (request.mapping ?? suggestion!.mapping) as ImportMapping;
  const compiled = compileMappingIn(context, access, mapping, table.info.headers);
  const shown = rows.slice(0, limit);
  const mapped = mapRows(compiled, shown);
  const plan = await planBatch(context, access.object, mapping, mapped);
  return {
    file: table.info,
    mapping,
    ...(suggestion ? { suggestion: suggestion.columns } : {}),
    rows: plan.rows.map((planned, index) => ({
      number: planned.row.number, cells: planned.row.cells, record: mapped[index]!.record, outcome: planned.outcome,
      ...(planned.errors ? { errors: planned.errors } : {}),
    })),
  };
}
