import { api, query, seg, sessionHeaders } from '../api/client.js';
import { ApiError, apiErrorFrom } from '../api/api-error.js';
import type { ImportMapping, ImportPreview, ImportSummary, MappingTemplate, UndoResult } from './import-types.js';

const base = (slug: string) => `/api/w/${seg(slug)}/imports`;

/** What a start or a preview names: the uploaded file, the object, and the choices made. */
export interface ImportChoice {
  fileId: string;
  object: string;
  mapping?: ImportMapping;
  sheet?: string | number;
  language?: 'zh-CN' | 'en';
}

/**
 * Uploads a file's bytes as they are (no form encoding), telling its progress: XMLHttpRequest,
 * because fetch reports no upload progress. The CSRF token and language come from the API client.
 */
export function uploadImportFile(slug: string, object: string, file: File, onProgress: (share: number) => void): Promise<{ fileId: string; size: number }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${base(slug)}/files${query({ object, name: file.name })}`);
    request.setRequestHeader('content-type', 'application/octet-stream');
    for (const [name, value] of Object.entries(sessionHeaders('POST'))) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => { if (event.lengthComputable) onProgress(event.loaded / event.total); };
    request.onload = () => {
      let parsed: unknown;
      try { parsed = JSON.parse(request.responseText); } catch { parsed = undefined; }
      if (request.status === 201) resolve((parsed as { data: { fileId: string; size: number } }).data);
      else reject(apiErrorFrom(request.status, parsed));
    };
    request.onerror = () => reject(new ApiError(0, 'NETWORK'));
    request.send(file);
  });
}

/** The import's REST calls. */
export const importApi = {
  preview: (slug: string, choice: ImportChoice, limit = 20) => api.post<{ data: ImportPreview }>(`${base(slug)}/preview${query({ limit })}`, choice).then((answer) => answer.data),
  start: (slug: string, choice: ImportChoice) => api.post<{ data: ImportSummary }>(base(slug), choice).then((answer) => answer.data),
  get: (slug: string, id: string) => api.get<{ data: ImportSummary }>(`${base(slug)}/${seg(id)}`).then((answer) => answer.data),
  list: (slug: string) => api.get<{ data: ImportSummary[] }>(base(slug)).then((answer) => answer.data),
  cancel: (slug: string, id: string) => api.post<{ data: ImportSummary }>(`${base(slug)}/${seg(id)}/cancel`).then((answer) => answer.data),
  undo: (slug: string, id: string) => api.post<{ data: UndoResult }>(`${base(slug)}/${seg(id)}/undo`).then((answer) => answer.data),
  templates: (slug: string, object: string) => api.get<{ data: MappingTemplate[] }>(`${base(slug)}/templates${query({ object })}`).then((answer) => answer.data),
  /** Saves a mapping under a name; a template of that name (for the object) is replaced. */
  saveTemplate: (slug: string, template: { object: string; name: string; mapping: ImportMapping }) => api.put<{ data: MappingTemplate }>(`${base(slug)}/templates`, template).then((answer) => answer.data),
  deleteTemplate: (slug: string, id: string) => api.delete<unknown>(`${base(slug)}/templates/${seg(id)}`),
  errorFilePath: (slug: string, id: string, language: string) => `${base(slug)}/${seg(id)}/errors.csv${query({ lang: language })}`,
};

