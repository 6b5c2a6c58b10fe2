import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { JobQueue, JobWorker, asSystem, fileDigest, type ImportPreview, type ImportSummary, type Tessera } from '@tessera/core';
import { progressDisplay } from './import-progress.js';

/** Options of `tessera import`. */
export interface ImportCommandOptions {
  object: string;
  workspace: string;
  mapping?: unknown;
  /** A mapping template saved in the workspace, by name. */
  template?: string;
  saveMapping?: string;
  sheet?: string;
  yes?: boolean;
  batchSize?: string;
}

/** The mapping of the template named `name`, or an error listing the templates there are. */
export function templateMapping(templates: { name: string; mapping: unknown }[], name: string): unknown {
  const found = templates.find((template) => template.name === name);
  if (!found) throw new Error(`没有名为“${name}”的映射模板 / no mapping template named "${name}"; there are: ${templates.map((template) => template.name).join(', ') || '—'}`);
  return found.mapping;
}

/** The CLI's lease: short, so that a run started again after a crash takes its job back soon. */
const cliLeaseMs = 10_000;

export function say(text: string): void {
  process.stderr.write(`${text}\n`);
}

export function describePreview(preview: ImportPreview): void {
  say('列映射 / Column mapping:');
  for (const [field, source] of Object.entries(preview.mapping.fields)) {
    const from = source.from === undefined ? `(默认值/default ${JSON.stringify(source.default)})` : [source.from].flat().join(' + ');
    say(`  ${from}${source.part ? ` [${source.part}]` : ''} → ${field}`);
  }
  const unmapped = preview.file.headers.filter((header) => !Object.values(preview.mapping.fields).some((source) => [source.from].flat().includes(header)));
  if (unmapped.length > 0) say(`  未导入的列 / not imported: ${unmapped.join(', ')}`);
  if (preview.mapping.match?.fuzzy) say(`疑似重复 / likely duplicates: ${preview.mapping.match.fuzzy.block.join('+')} 相同 / equal, ${Object.keys(preview.mapping.match.fuzzy.compare).join('+')} 相似 / alike`);
  if (preview.mapping.match?.on) say(`去重键 / match on: ${preview.mapping.match.on.map((key) => key.join('+')).join(', ')} → ${preview.mapping.match.action ?? 'merge'}`);
  const rejected = preview.rows.filter((row) => row.outcome === 'rejected');
  say(`预览前 ${preview.rows.length} 行 / first ${preview.rows.length} rows: ${preview.rows.length - rejected.length} 可导入 / importable, ${rejected.length} 将被拒绝 / rejected`);
  for (const row of rejected.slice(0, 5)) say(`  第 ${row.number} 行 / row ${row.number}: ${row.errors!.map((error) => `${error.pointer.slice(1)} ${error.message['zh-CN']} / ${error.message.en}`).join('; ')}`);
}

export async function confirm(): Promise<boolean> {
  if (!process.stdin.isTTY) {
    say('请确认映射后加 --yes 运行 / check the mapping above, then run again with --yes');
    return false;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await prompt.question('开始导入？/ Start the import? [y/N] ');
  prompt.close();
  return /^y(es)?$/i.test(answer.trim());
}

/** Claims the import's job, waiting out the lease of a run that was killed. */
async function runJob(tessera: Tessera, jobId: string): Promise<void> {
  const worker = new JobWorker(new JobQueue(tessera.database.knex, cliLeaseMs), tessera.imports.jobHandler());
  const stop = () => {
    say('\n正在停在当前批次之后；再次运行同一命令即可继续 / stopping after the current batch; run the same command again to resume');
    void worker.stop();
  };
  process.once('SIGINT', stop);
  try {
    for (let waited = 0; !(await worker.runOne(jobId)); waited += 1) {
      if (waited === 0) say('等待上次运行的租约过期 / waiting for the lease of the interrupted run to expire…');
      if (waited > (cliLeaseMs / 1000) * 3) throw new Error(`job ${jobId} could not be claimed: another process is running it`);
      await new Promise((done) => setTimeout(done, 1_000));
    }
  } finally {
    process.off('SIGINT', stop);
  }
}

/**
 * `tessera import <file>` on the embedded database (or DATABASE_URL) in this process: resumes an
 * unfinished import of the same file, else previews, asks (unless --yes) and starts one, then runs
 * it here with a progress bar. Prints the import as JSON and writes rejected rows beside the file.
 */
export async function importStandalone(tessera: Tessera, file: string, options: ImportCommandOptions): Promise<ImportSummary | undefined> {
  const principal = asSystem('cli import', { channel: 'cli' });
  const path = resolve(file);
  const sheet = options.sheet === undefined ? undefined : /^\d+$/.test(options.sheet) ? Number(options.sheet) : options.sheet;
  const { sha256 } = await fileDigest(path);
  const unfinished = await tessera.imports.unfinished(options.workspace, principal, options.object, sha256);
  let summary: ImportSummary;
  if (unfinished) {
    summary = await tessera.imports.get(options.workspace, principal, unfinished.importId);
    say(`继续未完成的导入 ${summary.id}（已处理 ${summary.rowsDone} 行）/ resuming import ${summary.id} after row ${summary.rowsDone}`);
  } else {
    const mapping = options.mapping ?? (options.template === undefined ? undefined : templateMapping(await tessera.imports.templates(options.workspace, principal, options.object), options.template));
    const request = { object: options.object, path, name: basename(path), ...(sheet === undefined ? {} : { sheet }), ...(mapping === undefined ? {} : { mapping }) };
    const preview = await tessera.imports.preview(options.workspace, principal, request, 20);
    describePreview(preview);
    if (options.saveMapping) await writeFile(options.saveMapping, `${JSON.stringify(preview.mapping, null, 2)}\n`);
    if (!options.yes && !(await confirm())) return undefined;
    summary = await tessera.imports.start(options.workspace, principal, { ...request, mapping: preview.mapping, ...(options.batchSize ? { batchSize: Number(options.batchSize) } : {}) });
  }
  const progress = progressDisplay(summary.rowsDone);
  tessera.imports.onProgress = (update) => progress.update(update);
  try {
    await runJob(tessera, await tessera.imports.jobOf(summary.id));
  } finally {
    progress.stop();
    tessera.imports.onProgress = undefined;
  }
  summary = await tessera.imports.get(options.workspace, principal, summary.id);
  if (summary.counts.rejected > 0) {
    const errorPath = `${path}.errors.csv`;
    let text = '';
    for await (const chunk of await tessera.imports.errorFile(options.workspace, principal, summary.id)) text += chunk;
    await writeFile(errorPath, text);
    say(`被拒绝的行及原因已写入 / rejected rows and their reasons: ${errorPath}`);
  }
  return summary;
}
