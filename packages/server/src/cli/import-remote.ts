import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { ImportPreview, ImportSummary } from '@tessera/core';
import { confirm, describePreview, say, templateMapping, type ImportCommandOptions } from './import-command.js';
import { progressDisplay } from './import-progress.js';

/** How often the server is asked how the import is going. */
const pollMs = 500;

/** The server's answer as data, or its error (zh-CN and en message, code) thrown. */
async function answer<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => undefined) as { data?: T; error?: { code: string; message: string } } | undefined;
  if (!response.ok) throw new Error(`${response.status} ${body?.error?.code ?? response.statusText}: ${body?.error?.message ?? ''}`.trim());
  return body!.data as T;
}

/** A client of one workspace's import API on a running server, with an API key. */
function importApi(server: string, apiKey: string, workspace: string) {
  const base = `${server.replace(/\/+$/, '')}/api/w/${encodeURIComponent(workspace)}/imports`;
  const headers = { authorization: `Bearer ${apiKey}`, 'accept-language': 'zh-CN' };
  const json = (body: unknown) => ({ headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    base,
    headers,
    get: <T>(path: string) => fetch(`${base}${path}`, { headers }).then(answer<T>),
    post: <T>(path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', ...json(body) }).then(answer<T>),
  };
}

/** Streams the file to the server (never held whole), showing how much is sent. */
async function upload(api: ReturnType<typeof importApi>, path: string, object: string): Promise<string> {
  const { size } = await stat(path);
  let sent = 0;
  const counted = Readable.from((async function* () {
    for await (const chunk of createReadStream(path)) {
      sent += (chunk as Buffer).length;
      process.stderr.write(`\r上传 / uploading ${Math.floor((sent / Math.max(size, 1)) * 100)}%   `);
      yield chunk as Buffer;
    }
  })());
  const response = await fetch(`${api.base}/files?object=${encodeURIComponent(object)}&name=${encodeURIComponent(basename(path))}`, {
    method: 'POST', headers: { ...api.headers, 'content-type': 'application/octet-stream' }, body: Readable.toWeb(counted) as ReadableStream, duplex: 'half',
  } as RequestInit);
  process.stderr.write('\n');
  return (await answer<{ fileId: string }>(response)).fileId;
}

/**
 * `tessera import <file> --server URL` with an API key: the same import, run by a server's job
 * worker. Uploads the file, previews it (mapping given, from a template, or suggested), asks
 * unless --yes, starts it and follows it with the progress bar. Ctrl-C stops following; the import
 * goes on on the server (cancel it in the studio or with POST …/imports/<id>/cancel).
 */
export async function importRemote(server: string, apiKey: string, file: string, options: ImportCommandOptions): Promise<ImportSummary | undefined> {
  const api = importApi(server, apiKey, options.workspace);
  const path = resolve(file);
  const sheet = options.sheet === undefined ? undefined : /^\d+$/.test(options.sheet) ? Number(options.sheet) : options.sheet;
  const mapping = options.mapping ?? (options.template === undefined ? undefined : templateMapping(await api.get<{ name: string; mapping: unknown }[]>(`/templates?object=${encodeURIComponent(options.object)}`), options.template));
  const fileId = await upload(api, path, options.object);
  const request = { fileId, object: options.object, ...(sheet === undefined ? {} : { sheet }), ...(mapping === undefined ? {} : { mapping }) };
  const preview = await api.post<ImportPreview>('/preview?limit=20', request);
  describePreview(preview);
  if (options.saveMapping) await writeFile(options.saveMapping, `${JSON.stringify(preview.mapping, null, 2)}\n`);
  if (!options.yes && !(await confirm())) return undefined;
  let summary = await api.post<ImportSummary>('', { ...request, mapping: preview.mapping, ...(options.batchSize ? { batchSize: Number(options.batchSize) } : {}) });
  say(`导入 ${summary.id} 已在服务器上开始 / import ${summary.id} started on the server`);
  const progress = progressDisplay(0);
  let following = true;
  const detach = () => {
    following = false;
    say(`\n导入仍在服务器上继续 / the import goes on on the server: ${api.base}/${summary.id}`);
  };
  process.once('SIGINT', detach);
  try {
    while (following && (summary.status === 'queued' || summary.status === 'running')) {
      await new Promise((done) => setTimeout(done, pollMs));
      summary = await api.get<ImportSummary>(`/${summary.id}`);
      progress.update({ importId: summary.id, rowsDone: summary.rowsDone, rowsTotal: summary.rowsTotal, counts: summary.counts });
    }
  } finally {
    progress.stop();
    process.off('SIGINT', detach);
  }
  if (following && summary.counts.rejected > 0) {
    const errorPath = `${path}.errors.csv`;
    const response = await fetch(`${api.base}/${summary.id}/errors.csv`, { headers: api.headers });
    if (!response.ok) await answer(response);
    await writeFile(errorPath, Buffer.from(await response.arrayBuffer()));
    say(`被拒绝的行及原因已写入 / rejected rows and their reasons: ${errorPath}`);
  }
  return summary;
}
