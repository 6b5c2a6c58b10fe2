import { Router, type Request, type Response } from 'express';
import type { Tessera } from '@tessera/core';
import { buildOpenApi } from '../openapi/build-openapi.js';
import { tesseraVersion } from '../version.js';
import { sendJson } from '../http/send-json.js';

/** Health, the workspace list and the OpenAPI document of a workspace. */
export function metaRoutes(tessera: Tessera): Router {
  const router = Router();
  router.get('/health', (_request: Request, response: Response) => {
    sendJson(response, { status: 'ok', version: tesseraVersion, database: tessera.database.kind });
  });
  router.get('/workspaces', async (_request: Request, response: Response) => {
    sendJson(response, { data: await tessera.workspaces.list() });
  });
  const openapi = async (slug: string, response: Response) => sendJson(response, buildOpenApi(await tessera.workspace(slug), tesseraVersion));
  router.get('/openapi.json', async (request: Request, response: Response) => {
    await openapi(typeof request.query.workspace === 'string' ? request.query.workspace : 'default', response);
  });
  router.get('/w/:workspace/openapi.json', async (request: Request<{ workspace: string }>, response: Response) => {
    await openapi(request.params.workspace, response);
  });
  return router;
}
