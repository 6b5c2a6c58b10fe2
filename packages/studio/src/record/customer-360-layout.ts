import type { Filter } from '../api/documents.js';
import type { ModelField, ModelObject, WorkspaceModel } from '../api/workspace-model.js';
import { relatedLists } from './related-lists.js';

/** The blocks of related records a customer's page shows. */
export type Customer360BlockKind = 'orders' | 'interactions' | 'tasks' | 'points' | 'coupons';

/** A block of a customer's recent related records, read from the list API. */
export interface Customer360Block {
  kind: Customer360BlockKind;
  object: ModelObject;
  /** The many-to-one field pointing at the customer (the block filters on it). */
  field: ModelField;
  /** The columns shown, the first linking to the record. */
  columns: ModelField[];
  /** `sort` of the list request (newest first where the object has a date). */
  sort?: string;
  /** Narrows the block further (open tasks only). */
  filter?: Filter;
  /** A timeline (interactions) or a compact table. */
  display: 'table' | 'timeline';
}

/** A customer's id on a sales channel, with the channel it comes from. */
export interface ChannelIdentity {
  field: ModelField;
  channel: 'taobao' | 'jd' | 'wechat';
}

/** What a customer 360 page shows: only the parts the blueprint and the caller's role allow. */
export interface Customer360Layout {
  profile: ModelField[];
  figures: ModelField[];
  identities: ChannelIdentity[];
  /** The many-to-many field to the tags (shown from the customer with include). */
  tags?: { field: ModelField; object: ModelObject };
  /** Many-to-one fields of the profile whose target the caller may see: read with include to show their title. */
  include: string[];
  blocks: Customer360Block[];
}

interface BlockSpec {
  kind: Customer360BlockKind;
  object: string;
  columns: string[];
  sort: string;
  display: 'table' | 'timeline';
}

const profileFields = ['name', 'code', 'member_level', 'gender', 'birthday', 'phone', 'email', 'source_channel', 'consent_marketing'];
const figureFields = ['total_spent', 'orders_count', 'points_balance', 'last_order_at'];
const identityFields: [string, ChannelIdentity['channel']][] = [['taobao_open_uid', 'taobao'], ['jd_open_id', 'jd'], ['wechat_union_id', 'wechat']];
const blockSpecs: BlockSpec[] = [
  { kind: 'orders', object: 'orders', columns: ['order_no', 'channel', 'status', 'amount', 'ordered_at'], sort: '-ordered_at', display: 'table' },
  { kind: 'interactions', object: 'interactions', columns: ['subject', 'kind', 'occurred_at'], sort: '-occurred_at', display: 'timeline' },
  { kind: 'tasks', object: 'tasks', columns: ['title', 'due_at', 'priority', 'status'], sort: 'due_at', display: 'table' },
  { kind: 'points', object: 'points_ledger', columns: ['occurred_at', 'reason', 'change', 'balance_after'], sort: '-occurred_at', display: 'table' },
  { kind: 'coupons', object: 'coupons', columns: ['title', 'value', 'status', 'expires_at'], sort: '-issued_at', display: 'table' },
];

const pick = (object: ModelObject, names: string[]) =>
  names.flatMap((name) => object.fields.filter((field) => field.name === name));

/** Open tasks: not done nor cancelled (a task without a status is open, as `nin` keeps empty values). */
function openTasks(tasks: ModelObject): Filter | undefined {
  const conditions: Filter[] = [];
  const status = tasks.fields.find((field) => field.name === 'status' && field.type === 'single_select');
  const closed = (status?.options ?? []).map((option) => option.value).filter((value) => value === 'done' || value === 'cancelled');
  if (closed.length > 0) conditions.push({ field: 'status', op: 'nin', value: closed });
  if (tasks.fields.some((field) => field.name === 'done' && field.type === 'boolean')) conditions.push({ field: 'done', op: 'ne', value: true });
  if (conditions.length === 0) return undefined;
  return conditions.length === 1 ? conditions[0] : { and: conditions };
}

function block(model: WorkspaceModel, spec: BlockSpec): Customer360Block | undefined {
  const list = relatedLists(model, 'customers').find((candidate) => candidate.object.name === spec.object);
  if (!list) return undefined;
  const columns = pick(list.object, spec.columns);
  if (columns.length === 0) return undefined;
  const sortField = spec.sort.replace(/^-/, '');
  const filter = spec.kind === 'tasks' ? openTasks(list.object) : undefined;
  return {
    kind: spec.kind, object: list.object, field: list.field, columns, display: spec.display,
    ...(list.object.fields.some((field) => field.name === sortField) ? { sort: spec.sort } : {}),
    ...(filter ? { filter } : {}),
  };
}

/**
 * The customer 360 layout of an object, or undefined when the generic record page fits better:
 * the object must be the retail template's `customers` with at least one related object the
 * caller may read. Every part degrades on its own: a missing field or object drops out.
 */
export function customer360Layout(model: WorkspaceModel, objectName: string): Customer360Layout | undefined {
  const customers = model.objects.find((object) => object.name === objectName);
  if (objectName !== 'customers' || !customers) return undefined;
  const blocks = blockSpecs.flatMap((spec) => block(model, spec) ?? []);
  const tagsField = customers.fields.find((field) => field.name === 'tags' && field.relation?.kind === 'many_to_many');
  const tagsObject = model.objects.find((object) => object.name === tagsField?.relation?.target);
  if (blocks.length === 0 && !tagsObject) return undefined;
  const profile = pick(customers, profileFields);
  const visible = (field: ModelField) => model.objects.some((object) => object.name === field.relation?.target);
  return {
    profile,
    figures: pick(customers, figureFields),
    identities: identityFields.flatMap(([name, channel]) => pick(customers, [name]).map((field) => ({ field, channel }))),
    ...(tagsField && tagsObject ? { tags: { field: tagsField, object: tagsObject } } : {}),
    include: [
      ...profile.filter((field) => field.relation?.kind === 'many_to_one' && visible(field)).map((field) => field.name),
      ...(tagsField && tagsObject ? [tagsField.name] : []),
    ],
    blocks,
  };
}
