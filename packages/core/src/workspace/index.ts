/** Workspaces: live blueprints per workspace (cached, re-checked) and their version history. */
export { WorkspaceRegistry, type LiveWorkspace } from './workspace-registry.js';
export { listVersions, blueprintAt, type BlueprintVersion } from './blueprint-history.js';
export { listArchives, type ArchiveEntry } from './list-archives.js';
export { type WorkspaceEngine } from './workspace-engine.js';
export { listWorkspaces, type WorkspaceSummary } from './list-workspaces.js';
export { renameWorkspace } from './rename-workspace.js';
export { archiveWorkspace, restoreWorkspace } from './archive-workspace.js';
export { exportWorkspace, workspaceExportFormat, type WorkspaceExport } from './export-workspace.js';
export { cloneWorkspace, type CloneOptions, type CloneResult } from './clone-workspace.js';
export {
  createWorkspaceFromTemplate, type TemplateCatalog, type WorkspaceTemplate, type SampleBatch, type TemplateWorkspaceOptions, type TemplateWorkspaceResult,
} from './create-workspace-from-template.js';
