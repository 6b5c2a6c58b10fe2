/** Access: principals, roles as documents, and the one enforcement point every surface calls. */
export { asSystem, type Principal, type RequestSource } from './principal.js';
export { AccessPolicy, type Capability } from './access-policy.js';
export { ObjectAccess } from './object-access.js';
export { builtInRoles, builtInRole } from './built-in-roles.js';
export { resolveUserVariables, isUserVariable, userVariableNames, type UserFacts } from './user-facts.js';
export { apiKeyScopes, hasScope, requireScope, scopeForAction, type ApiKeyScope } from './scopes.js';
export { requireFilterAccess, requireSortAccess, requireReadablePath } from './check-query-access.js';
export { AccessResolver, type WorkspaceScope } from './access-resolver.js';
export { findMembership, listMembers, putMembership, removeMembership, countMembersWithRole, teamMemberIds, type Membership, type MemberView } from './memberships.js';
export { validateRole, findRole, listRoles, saveRole, deleteRole, type RoleView } from './role-store.js';
