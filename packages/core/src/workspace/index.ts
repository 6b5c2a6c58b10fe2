/** Workspaces: live blueprints per workspace (cached, re-checked) and their version history. */
export { WorkspaceRegistry, type LiveWorkspace } from './workspace-registry.js';
export { listVersions, blueprintAt, type BlueprintVersion } from './blueprint-history.js';
