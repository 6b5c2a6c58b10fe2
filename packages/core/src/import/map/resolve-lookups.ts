import { findMatches, type DataContext } from '../../data/index.js';
import type { ImportMapping, ObjectModel } from '../../documents/index.js';
import { fieldError } from '../../errors/index.js';
import type { MappedSourceRow } from '../plan-batch.js';

/**
 * Turns the text of relation cells mapped with `lookup` (会员等级 = 金卡会员) into the ids of the
 * records it names, a batch at a time: one lookup per field for the batch's distinct texts, among
 * the related records the role may read. A text naming no record, or several, is an error of its
 * row (not_reference, ambiguous_reference).
 */
export async function resolveLookups(context: DataContext, object: ObjectModel, mapping: ImportMapping, rows: MappedSourceRow[]): Promise<void> {
  for (const [name, source] of Object.entries(mapping.fields)) {
    const target = object.fields.get(name)?.relation?.target;
    if (!source.lookup || !target) continue;
    const texts = [...new Set(rows.filter((row) => row.errors.length === 0 && typeof row.record[name] === 'string').map((row) => row.record[name] as string))];
    if (texts.length === 0) continue;
    const idsByText = new Map<string, string[]>();
    for (const found of await findMatches(context, target, source.lookup, texts, 'read')) {
      const text = String(found[source.lookup]);
      idsByText.set(text, [...(idsByText.get(text) ?? []), found.id as string]);
    }
    for (const row of rows) {
      const text = row.record[name];
      if (row.errors.length > 0 || typeof text !== 'string') continue;
      const ids = idsByText.get(text) ?? [];
      if (ids.length === 1) row.record[name] = ids[0];
      else row.errors.push(fieldError(`/${name}`, ids.length === 0 ? 'not_reference' : 'ambiguous_reference', { value: text.slice(0, 60) }));
    }
  }
}
