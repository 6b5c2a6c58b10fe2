import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Tessera } from '@tessera/core';
import { createApp } from './app.js';
import { seedTemplate, templateBlueprint } from './templates.js';

/** Where and how to start. Defaults come from the environment (architecture.md). */
export interface ServerOptions {
  port?: number;
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
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

/** Opens the database, creates the default workspace if asked, and listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const dataDir = options.dataDir ?? `${process.env.TESSERA_DATA_DIR ?? './.tessera'}/pgdata`;
  const tessera = await Tessera.open(databaseUrl ? { databaseUrl } : { dataDir });
  if (options.bootstrap ?? true) await bootstrapDefault(tessera, log);
  const app = createApp({ tessera, logger: log, studioDir });
  await app.listen({ port: options.port ?? Number(process.env.PORT ?? 3000), host: options.host ?? process.env.HOST ?? '127.0.0.1' });
  const server = app.server;
  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url, tessera, server,
    async close() {
      await app.close();
      await tessera.close();
    },
  };
}
