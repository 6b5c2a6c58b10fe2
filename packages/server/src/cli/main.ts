import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { Tessera, TesseraError, asSystem, rotateAllKeys, rotateKeys, type Conversions, type ImportSummary, type RotationProgress } from '@tessera/core';
import { startServer } from '../start-server.js';
import { seedTemplate, templateBlueprint, templateNames } from '../templates.js';
import { dataDirHolder } from '../data-dir-lock.js';
import { importStandalone, type ImportCommandOptions } from './import-command.js';
import { importRemote } from './import-remote.js';

async function openEngine(): Promise<Tessera> {
  const databaseUrl = process.env.DATABASE_URL;
  // The same secret.key as the server's (start-server.ts): values the CLI writes must be readable there.
  const keyDir = process.env.TESSERA_DATA_DIR ?? './.tessera';
  return Tessera.open(databaseUrl ? { databaseUrl, keyDir } : { dataDir: `${keyDir}/pgdata`, keyDir });
}

async function withEngine(run: (tessera: Tessera) => Promise<void>): Promise<void> {
  const tessera = await openEngine();
  try {
    await run(tessera);
  } finally {
    await tessera.close();
  }
}

async function readDocument(file: string): Promise<{ blueprint: unknown; conversions?: Conversions }> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  return 'blueprint' in parsed ? (parsed as { blueprint: unknown; conversions?: Conversions }) : { blueprint: parsed };
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

const program = new Command('tessera').description('Tessera low-code CRM / Tessera 低代码 CRM').showHelpAfterError();

program.command('start').description('start the server (PGlite in TESSERA_DATA_DIR unless DATABASE_URL is set) / 启动服务')
  .option('-p, --port <port>', 'port (PORT, default 3000)').option('--host <host>', 'host (HOST, default 127.0.0.1)')
  .action(async (options: { port?: string; host?: string }) => {
    const running = await startServer({ ...(options.port ? { port: Number(options.port) } : {}), ...(options.host ? { host: options.host } : {}) });
    process.stdout.write(`\nTessera is running / Tessera 已启动: ${running.url}\n  API: ${running.url}/api/openapi.json\n`);
    const stop = () => { void running.close().then(() => process.exit(0)); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program.command('plan <file>').description('dry-run a blueprint (or {blueprint, conversions}) against a workspace / 预演变更')
  .option('-w, --workspace <slug>', 'workspace', 'default')
  .action(async (file: string, options: { workspace: string }) => withEngine(async (tessera) => {
    const document = await readDocument(file);
    print(await tessera.plan(options.workspace, document.blueprint, { actor: 'cli', conversions: document.conversions ?? {} }));
  }));

program.command('apply <file>').description('apply a blueprint in one transaction and record the version / 应用变更')
  .option('-w, --workspace <slug>', 'workspace', 'default').option('--create', 'create the workspace if it does not exist')
  .action(async (file: string, options: { workspace: string; create?: boolean }) => withEngine(async (tessera) => {
    const document = await readDocument(file);
    const exists = (await tessera.workspaces.list()).some((workspace) => workspace.slug === options.workspace);
    const result = !exists && options.create
      ? await tessera.createWorkspace(options.workspace, document.blueprint, 'cli')
      : await tessera.apply(options.workspace, document.blueprint, { actor: 'cli', conversions: document.conversions ?? {} });
    print({ version: result.version, summary: result.plan.summary });
  }));

program.command('export').description('print the live blueprint of a workspace / 导出蓝图')
  .option('-w, --workspace <slug>', 'workspace', 'default')
  .action(async (options: { workspace: string }) => withEngine(async (tessera) => {
    print((await tessera.workspace(options.workspace)).model.blueprint);
  }));

program.command('seed').description(`create a workspace from a template (${templateNames.join(', ')}) and load its sample data / 载入示例数据`)
  .option('-w, --workspace <slug>', 'workspace', 'default').option('-t, --template <name>', 'template', 'retail')
  .action(async (options: { workspace: string; template: string }) => withEngine(async (tessera) => {
    const exists = (await tessera.workspaces.list()).some((workspace) => workspace.slug === options.workspace);
    if (!exists) await tessera.createWorkspace(options.workspace, await templateBlueprint(options.template), 'cli');
    const total = await seedTemplate(tessera, options.workspace, options.template, (object, count) => process.stderr.write(`\r${object}: ${count}   `));
    process.stderr.write('\n');
    print({ workspace: options.workspace, template: options.template, records: total });
  }));

program.command('rotate-keys').description('re-encrypt stored values under the current key (TESSERA_SECRET_KEY); resumable / 用当前密钥重新加密（可续跑）')
  .option('-w, --workspace <slug>', 'workspace', 'default').option('--all', 'every workspace, archived ones too')
  .action(async (options: { workspace: string; all?: boolean }) => withEngine(async (tessera) => {
    const principal = asSystem('cli rotate-keys');
    const onProgress = (progress: RotationProgress) => { process.stderr.write(`\r${progress.workspace}: ${progress.done} / ${progress.total}   `); };
    const results = options.all
      ? await rotateAllKeys(tessera, { principal, onProgress, onWorkspace: () => process.stderr.write('\n') })
      : [await rotateKeys(tessera, options.workspace, { principal, onProgress })];
    process.stderr.write('\n');
    print(results);
  }));

program.command('import <file>').description('import a CSV or Excel file into an object: mapped, cleaned, deduplicated, resumable / 导入 CSV 或 Excel 文件')
  .requiredOption('-o, --object <name>', 'object to import into')
  .option('-w, --workspace <slug>', 'workspace', 'default')
  .option('-m, --mapping <file>', 'an import mapping (JSON); suggested from the file when absent')
  .option('-t, --template <name>', 'a mapping template saved in the workspace (studio: 导入 → 映射模板)')
  .option('--server <url>', 'import through a running server (its job worker) instead of the embedded database; needs --api-key or TESSERA_API_KEY')
  .option('--api-key <key>', 'an API key with the records:import scope (default: $TESSERA_API_KEY)')
  .option('--save-mapping <file>', 'write the mapping used, to reuse it')
  .option('--sheet <name|position>', 'the sheet of a workbook (the first by default)')
  .option('--batch-size <rows>', 'rows per committed batch (default 5000)')
  .option('-y, --yes', 'start without asking')
  .action(async (file: string, options: Omit<ImportCommandOptions, 'mapping'> & { mapping?: string; server?: string; apiKey?: string }) => {
    const mapping = options.mapping === undefined ? undefined : JSON.parse(await readFile(options.mapping, 'utf8')) as unknown;
    const settled = (summary: ImportSummary | undefined) => {
      if (!summary) process.exitCode = 1;
      else {
        print(summary);
        if (summary.status !== 'done') process.exitCode = 1;
      }
    };
    if (options.server) {
      const apiKey = options.apiKey ?? process.env.TESSERA_API_KEY;
      if (!apiKey) throw new Error('--server needs an API key: --api-key or TESSERA_API_KEY / 通过服务导入需要 API 密钥');
      settled(await importRemote(options.server, apiKey, file, { ...options, ...(mapping === undefined ? {} : { mapping }) }));
      return;
    }
    const dataRoot = process.env.TESSERA_DATA_DIR ?? './.tessera';
    const holder = process.env.DATABASE_URL ? undefined : dataDirHolder(dataRoot);
    if (holder) throw new Error(`a Tessera server (pid ${holder.pid}, ${holder.url}) holds the embedded database in ${dataRoot}: stop it, or import through it / 服务正在使用该数据库：请先停止服务，或通过服务导入`);
    await withEngine(async (tessera) => settled(await importStandalone(tessera, file, { ...options, ...(mapping === undefined ? {} : { mapping }) })));
  });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof TesseraError) {
    process.stderr.write(`${error.messages['zh-CN']}\n${error.messages.en}\n`);
    if (error.errors.length > 0) process.stderr.write(`${JSON.stringify(error.errors, null, 2)}\n`);
    if (Object.keys(error.details).length > 0) process.stderr.write(`${JSON.stringify(error.details, null, 2)}\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
