import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Tessera, type FirstAdmin } from '@tessera/core';
import { createApp, trustProxyFrom } from './app.js';
import { seedTemplate, templateBlueprint } from './templates.js';
import { holdDataDir } from './data-dir-lock.js';

/** Where and how to start. Defaults come from the environment (architecture.md). */
export interface ServerOptions {
  port?: number;
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
  /** Where a generated secret.key lives when TESSERA_SECRET_KEY is unset (TESSERA_DATA_DIR or ./.tessera). */
  keyDir?: string;
  /** Create the `default` workspace from the retail template (with sample data) when missing. */
  bootstrap?: boolean;
}

/** A started server. */
export interface RunningServer {
  url: string;
  tessera: Tessera;
  server: Server;
  close(): Promise<void>;
}

const studioDir = fileURLToPath(new URL('../../studio/dist/', import.meta.url));

async function bootstrapDefault(tessera: Tessera, log: pino.Logger): Promise<void> {
  const existing = await tessera.workspaces.list();
  if (existing.some((workspace) => workspace.slug === 'default')) return;
  log.info('creating workspace "default" from the retail template / 从零售模板创建工作区 default');
  await tessera.createWorkspace('default', await templateBlueprint('retail'), 'bootstrap');
  const total = await seedTemplate(tessera, 'default', 'retail', (object, count) => log.info({ object, count }, 'sample data / 示例数据'));
  log.info({ total }, 'sample data loaded / 示例数据已载入');
}

/**
 * Makes sure a platform admin exists (TESSERA_ADMIN_EMAIL, TESSERA_ADMIN_PASSWORD). A generated
 * password is printed once, to stdout only, never to the log (logs travel further than a console).
 */
async function bootstrapAdmin(tessera: Tessera, log: pino.Logger): Promise<FirstAdmin> {
  const first = await tessera.accounts.ensureFirstAdmin({ email: process.env.TESSERA_ADMIN_EMAIL, password: process.env.TESSERA_ADMIN_PASSWORD });
  if (first.outcome === 'exists') return first;
  log.info({ email: first.email, outcome: first.outcome }, 'first platform admin / 首位平台管理员');
  if (first.outcome === 'created' && first.generatedPassword) {
    const rule = '='.repeat(72);
    process.stdout.write([
      '', rule,
      '  First platform admin created / 已创建首位平台管理员',
      `    email    / 邮箱:  ${first.email}`,
      `    password / 密码:  ${first.generatedPassword}`,
      '  Shown only this once: sign in and change it now.',
      '  仅显示这一次：请立即登录并修改密码。',
      '  (Set TESSERA_ADMIN_PASSWORD to choose it / 可用 TESSERA_ADMIN_PASSWORD 指定)',
      rule, '', '',
    ].join('\n'));
  }
  return first;
}

/** Opens the database, makes sure a platform admin exists, creates the default workspace if asked, and listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const dataRoot = process.env.TESSERA_DATA_DIR ?? './.tessera';
  const dataDir = options.dataDir ?? `${dataRoot}/pgdata`;
  // The secret sits beside PGlite's directory, not in it: a copy of the database alone holds no key.
  const keyDir = options.keyDir ?? dataRoot;
  const tessera = await Tessera.open(databaseUrl ? { databaseUrl, keyDir } : { dataDir, keyDir });
  await bootstrapAdmin(tessera, log);
  if (options.bootstrap ?? true) await bootstrapDefault(tessera, log);
  const trustProxy = trustProxyFrom(process.env.TESSERA_TRUST_PROXY);
  const app = createApp({ tessera, logger: log, studioDir, ...(trustProxy !== undefined ? { trustProxy } : {}) });
  await app.listen({ port: options.port ?? Number(process.env.PORT ?? 3000), host: options.host ?? process.env.HOST ?? '127.0.0.1' });
  const server = app.server;
  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  const release = databaseUrl ? () => undefined : holdDataDir(dataRoot, url);
  return {
    url, tessera, server,
    async close() {
      await app.close();
      await tessera.close();
      release();
    },
  };
}
