/** Members and roles of a workspace: the workspace admin's operations, each audited. */
export { membersOf, addMember, changeMember, removeMember, type MemberScope } from './workspace-members.js';
export { rolesOf, putRole, removeRole } from './workspace-roles.js';
export { myAccess, type MyAccess, type VisibleField } from './my-access.js';
