import { createHash } from 'node:crypto';
import type { Action, BlueprintModel, ObjectPermission, Role } from '../documents/index.js';
import { TesseraError } from '../errors/index.js';
import { ObjectAccess } from './object-access.js';
import { requireScope, scopeForAction, type ApiKeyScope } from './scopes.js';
import type { Principal } from './principal.js';
import type { UserFacts } from './user-facts.js';

/** A workspace administration capability (role.schema.json). */
export type Capability = NonNullable<Role['capabilities']>[number];

const scopeOfCapability: Record<Capability, ApiKeyScope> = {
  blueprint: 'blueprint:write', members: 'admin', roles: 'admin', audit: 'admin', privacy: 'admin',
};

/**
 * The one enforcement point: what a principal may do in one workspace, from its role there (or
 * system mode). Every data operation asks it for an object's access before it builds SQL; an
 * API key's scopes narrow the role. Objects the role cannot read do not exist for it (404).
 */
export class AccessPolicy {
  private readonly objects = new Map<string, ObjectAccess | null>();
  /** Names the role and the user's facts: compiled SQL that depends on row rules is cached under it. */
  readonly cacheKey: string;

  private constructor(
    readonly principal: Principal,
    readonly model: BlueprintModel,
    readonly role: Role | 'system',
    private readonly facts: UserFacts | undefined,
  ) {
    this.cacheKey = role === 'system' ? 'system' : createHash('sha256').update(JSON.stringify([role, facts])).digest('base64url').slice(0, 22);
  }

  /** The policy of a member holding `role`. */
  static forRole(principal: Principal, model: BlueprintModel, role: Role, facts: UserFacts): AccessPolicy {
    return new AccessPolicy(principal, model, role, facts);
  }

  /** System mode: everything, no row rule, personal values in clear. Only from asSystem(). */
  static system(principal: Principal, model: BlueprintModel): AccessPolicy {
    if (principal.kind !== 'system') throw new Error('system access needs a principal from asSystem()');
    return new AccessPolicy(principal, model, 'system', undefined);
  }

  /** The role's name ('system' in system mode). */
  get roleName(): string {
    return this.role === 'system' ? 'system' : this.role.name;
  }

  private permissionOf(name: string): ObjectPermission | 'system' | undefined {
    if (this.role === 'system') return 'system';
    const objects = this.role.objects;
    return Object.hasOwn(objects, name) ? objects[name] : objects['*'];
  }

  /** The access to an object if the role may read it at all, else undefined. */
  visible(name: string): ObjectAccess | undefined {
    let found = this.objects.get(name);
    if (found === undefined) {
      const object = this.model.objects.get(name);
      const permission = object ? this.permissionOf(name) : undefined;
      found = object && permission && (permission === 'system' || permission.actions.includes('read')) ? new ObjectAccess(object, permission, this.facts) : null;
      this.objects.set(name, found);
    }
    return found ?? undefined;
  }

  /**
   * The access to an object for one action: NOT_FOUND when the object is unknown or unreadable
   * (its existence is not revealed), SCOPE_DENIED or FORBIDDEN when the action is not allowed.
   */
  object(name: string, action: Action): ObjectAccess {
    const access = this.visible(name);
    if (!access) throw new TesseraError('NOT_FOUND', { what: `object ${name.slice(0, 64)}` });
    requireScope(this.principal, scopeForAction(action));
    if (!access.actions.has(action)) throw new TesseraError('FORBIDDEN', { reason: `${action} ${name}` });
    return access;
  }

  /** Every object the role may read, in blueprint order. */
  visibleObjects(): ObjectAccess[] {
    return [...this.model.objects.keys()].map((name) => this.visible(name)).filter((access): access is ObjectAccess => access !== undefined);
  }

  /** The role's workspace capabilities. */
  capabilities(): Capability[] {
    if (this.role === 'system') return ['blueprint', 'members', 'roles', 'audit', 'privacy'];
    return [...(this.role.capabilities ?? [])];
  }

  /** Throws FORBIDDEN (or SCOPE_DENIED) unless the role holds the capability. */
  requireCapability(capability: Capability): void {
    requireScope(this.principal, scopeOfCapability[capability]);
    if (!this.capabilities().includes(capability)) throw new TesseraError('FORBIDDEN', { reason: capability });
  }
}
