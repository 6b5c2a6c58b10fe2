import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { listArchives, requireScope, TesseraError, type Conversions, type Tessera } from '@tessera/core';
import { principalOf } from '../http/authenticate.js';

type Params = { workspace: string; version: string };
type BlueprintRequest = FastifyRequest<{ Params: Params }>;

interface ChangeBody {
  blueprint?: unknown;
  conversions?: Conversions;
  expectedVersion?: number;
  comment?: string;
}

function changeOf(request: FastifyRequest): ChangeBody & { blueprint: unknown } {
  const body = request.body as ChangeBody | undefined;
  if (typeof body !== 'object' || body === null || body.blueprint === undefined) throw new TesseraError('BAD_REQUEST', { reason: 'the body must be { "blueprint": {...}, "conversions"?: {...} }' });
  if (body.conversions !== undefined && (typeof body.conversions !== 'object' || body.conversions === null || Array.isArray(body.conversions))) {
    throw new TesseraError('BAD_REQUEST', { reason: 'conversions must be an object keyed by object.field' });
  }
  if (body.expectedVersion !== undefined && !Number.isInteger(body.expectedVersion)) throw new TesseraError('BAD_REQUEST', { reason: 'expectedVersion must be an integer' });
  return body as ChangeBody & { blueprint: unknown };
}

function versionOf(request: BlueprintRequest): number {
  const version = Number(request.params.version);
  if (!Number.isInteger(version) || version < 1) throw new TesseraError('NOT_FOUND', { what: `blueprint version ${request.params.version.slice(0, 20)}` });
  return version;
}

function options(request: FastifyRequest, body: ChangeBody) {
  const principal = principalOf(request);
  return {
    actor: principal.userId, actorLabel: principal.label, conversions: body.conversions ?? {},
    ...(body.expectedVersion !== undefined ? { expectedVersion: body.expectedVersion } : {}),
    ...(typeof body.comment === 'string' ? { comment: body.comment.slice(0, 500) } : {}),
  };
}

/**
 * Read the blueprint, plan (dry run) and apply changes, list versions and go back to one, list what
 * removals archived (re-adding a definition restores its data): for roles with the blueprint
 * capability (members see their part of it through /me).
 */
export function blueprintRoutes(tessera: Tessera): FastifyPluginAsync {
  return async (router) => {
  router.addHook('preHandler', async (request: BlueprintRequest) => {
    const principal = principalOf(request);
    requireScope(principal, request.method === 'GET' ? 'blueprint:read' : 'blueprint:write');
    const { access } = await tessera.memberScope(request.params.workspace, principal);
    access.requireCapability('blueprint');
  });
  router.get('/', async (request: BlueprintRequest) => {
    const workspace = await tessera.workspace(request.params.workspace);
    return { version: workspace.version, blueprint: workspace.model.blueprint };
  });
  router.post('/plan', async (request: BlueprintRequest) => {
    const body = changeOf(request);
    return { plan: await tessera.plan(request.params.workspace, body.blueprint, options(request, body)) };
  });
  router.post('/apply', async (request: BlueprintRequest) => {
    const body = changeOf(request);
    return await tessera.apply(request.params.workspace, body.blueprint, options(request, body));
  });
  router.get('/versions', async (request: BlueprintRequest) => {
    return { data: await tessera.versions(request.params.workspace) };
  });
  router.get('/archives', async (request: BlueprintRequest) => {
    const workspace = await tessera.workspace(request.params.workspace);
    return { data: await listArchives(tessera.database.knex, workspace.id) };
  });
  router.get('/versions/:version', async (request: BlueprintRequest) => {
    return { version: versionOf(request), blueprint: await tessera.blueprintAt(request.params.workspace, versionOf(request)) };
  });
  router.post('/versions/:version/plan', async (request: BlueprintRequest) => {
    const blueprint = await tessera.blueprintAt(request.params.workspace, versionOf(request));
    const body = (request.body ?? {}) as ChangeBody;
    return { plan: await tessera.plan(request.params.workspace, blueprint, options(request, body)) };
  });
  router.post('/versions/:version/restore', async (request: BlueprintRequest) => {
    const blueprint = await tessera.blueprintAt(request.params.workspace, versionOf(request));
    const body = (request.body ?? {}) as ChangeBody;
    return await tessera.apply(request.params.workspace, blueprint, { ...options(request, body), comment: `restore version ${versionOf(request)}` });
  });
  };
}
