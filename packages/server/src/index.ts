/** @tessera/server: the HTTP API over @tessera/core, and the tessera CLI. */
export { createApp, trustProxyFrom, type AppOptions } from './app.js';
export { bodyLimit } from './http/body-limit.js';
export { buildOpenApi } from './openapi/build-openapi.js';
export { startServer, type ServerOptions, type RunningServer } from './start-server.js';
