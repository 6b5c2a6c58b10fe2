import { createContext } from 'react';
import type { ModelObject } from '../api/workspace-model.js';

/**
 * Where a relation's value can be picked by title rather than typed as an id: the workspace and
 * the objects the caller reads. The records page provides it to its filter builder; without it
 * (the view editor works on the blueprint) a relation's value is typed.
 */
export const RecordPickerContext = createContext<{ slug: string; objects: readonly ModelObject[] } | undefined>(undefined);
