/* Generated from schemas/*.schema.json by `pnpm gen:types`. Do not edit by hand. */

/**
 * An id that never changes once given, so that a rename keeps the data. Defaults to the first name given.
 */
export type StableId = string;
/**
 * Table and API name, plural by convention (customers).
 */
export type Identifier = string;
/**
 * The field that names a record in lists and relations.
 */
export type Identifier1 = string;
/**
 * One field of an object: a typed column (or a relation) with its constraints and labels.
 */
export type Field = {
  id: StableId;
  name: Identifier2;
  type:
    | 'text'
    | 'long_text'
    | 'integer'
    | 'decimal'
    | 'money'
    | 'percent'
    | 'boolean'
    | 'date'
    | 'datetime'
    | 'single_select'
    | 'multi_select'
    | 'email'
    | 'phone'
    | 'url'
    | 'json'
    | 'relation'
    | 'autonumber'
    | 'computed';
  label: LocalizedText;
  help?: LocalizedText;
  required?: boolean;
  unique?: boolean;
  /**
   * Create a (non-unique) index on this field.
   */
  indexed?: boolean;
  /**
   * Personal information (PIPL/GDPR): shown masked on every read, revealed one record at a time by roles with the reveal action (audited), never written to the audit log, anonymised by an erasure.
   */
  personal?: boolean;
  /**
   * Stored encrypted at rest (AES-256-GCM, a key derived from TESSERA_SECRET_KEY) with a blind index for exact lookups (eq, ne, in, nin, is_null). Needs personal: true; text, long_text, email, phone and url only; never unique, indexed, sorted or given a default.
   */
  encrypted?: boolean;
  /**
   * Value given to new records that do not set the field. Checked against the field's own constraints.
   */
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  /**
   * An ECMAScript regular expression the text must match.
   */
  pattern?: string;
  min?: number;
  max?: number;
  /**
   * decimal/money: total significant digits.
   */
  precision?: number;
  /**
   * decimal/money: digits after the point.
   */
  scale?: number;
  /**
   * money: ISO 4217 code; one currency per field.
   */
  currency?: string;
  /**
   * @minItems 1
   * @maxItems 500
   */
  options?: {
    value: string;
    label: LocalizedText;
    color?: string;
  }[];
  relation?: Relation;
  /**
   * Pattern of generated numbers: literal text with {YYYY}, {YY}, {MM}, {DD} and one run of zeros such as {000000} for the counter.
   */
  autonumber?: {
    pattern: string;
  };
  /**
   * A value the rules engine computes; read-only through the API.
   */
  computed?: {
    resultType: 'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime';
    /**
     * The rule that computes the value (filled by the rules engine).
     */
    expression?: unknown;
  };
};
/**
 * A name that reaches SQL and the API: lower-case ASCII, starts with a letter, at most 63 bytes.
 */
export type Identifier2 = string;
/**
 * How a relation field links its object to another. many_to_one stores the target's id in a column; one_to_many is the read side of a many_to_one on the target; many_to_many uses a join table.
 */
export type Relation = {
  kind: 'many_to_one' | 'one_to_many' | 'many_to_many';
  target: Identifier3;
  inverse?: Identifier4;
  /**
   * many_to_one only: what a hard delete of the target does. Default set_null.
   */
  onDelete?: 'restrict' | 'set_null' | 'cascade';
};
/**
 * A name that reaches SQL and the API: lower-case ASCII, starts with a letter, at most 63 bytes.
 */
export type Identifier3 = string;
/**
 * A name that reaches SQL and the API: lower-case ASCII, starts with a letter, at most 63 bytes.
 */
export type Identifier4 = string;
/**
 * A saved list of records of one object: which columns, which filter, which order.
 */
export type View = {
  id: StableId;
  name: Identifier2;
  object: Identifier2;
  label: LocalizedText;
  /**
   * table (default): rows and columns; kanban: one lane per option of groupBy, cards show the columns, dragging a card sets the option.
   */
  type?: 'table' | 'kanban';
  groupBy?: Identifier5;
  /**
   * @minItems 1
   * @maxItems 100
   */
  columns: {
    field: string;
    width?: number;
  }[];
  filter?: Filter;
  /**
   * @maxItems 8
   */
  sort?: {
    field: string;
    direction?: 'asc' | 'desc';
  }[];
  pageSize?: number;
};
/**
 * A name that reaches SQL and the API: lower-case ASCII, starts with a letter, at most 63 bytes.
 */
export type Identifier5 = string;
/**
 * The record filter language: conditions on fields (paths may cross many-to-one relations, as customer.city) combined with and/or/not.
 */
export type Filter =
  | FilterCondition
  | {
      /**
       * @maxItems 100
       */
      and: Filter[];
    }
  | {
      /**
       * @maxItems 100
       */
      or: Filter[];
    }
  | {
      not: Filter;
    };
/**
 * A name that reaches SQL and the API: lower-case ASCII, starts with a letter, at most 63 bytes.
 */
export type Identifier6 = string;
export type Action = 'read' | 'create' | 'update' | 'delete' | 'export' | 'import' | 'reveal';
/**
 * none: hidden everywhere (responses, OpenAPI, exports; naming it in a filter, sort or search is an error). read: visible. write: visible and writable.
 */
export type FieldAccess = 'none' | 'read' | 'write';
/**
 * A name that reaches SQL and the API: lower-case ASCII, starts with a letter, at most 63 bytes.
 */
export type Identifier7 = string;
/**
 * Match keys, tried in order: a row matches a record when every field of a key is equal after cleaning (e.g. [["phone"], ["email"]]).
 *
 * @maxItems 10
 */
export type On = Identifier2[][];
/**
 * A name that reaches SQL and the API: lower-case ASCII, starts with a letter, at most 63 bytes.
 */
export type Identifier8 = string;
/**
 * A name that reaches SQL and the API: lower-case ASCII, starts with a letter, at most 63 bytes.
 */
export type Identifier9 = string;

/**
 * Every top-level document kind.
 */
export interface Documents {
  blueprint: Blueprint;
  role: Role;
  importMapping: ImportMapping;
  dedupeRule: DedupeRule;
}
/**
 * Everything one workspace (one client's CRM) is made of. Applying a blueprint creates or migrates the workspace's tables.
 */
export interface Blueprint {
  $schema?: string;
  label: LocalizedText;
  /**
   * IANA time zone used for dates such as autonumber years. Default Asia/Shanghai.
   */
  timezone?: string;
  /**
   * @maxItems 300
   */
  objects: ObjectDefinition[];
  /**
   * @maxItems 1000
   */
  views?: View[];
  /**
   * @maxItems 300
   */
  forms?: Form[];
}
/**
 * A text in Simplified Chinese and English.
 */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}
/**
 * A kind of record (customers, orders…): one real table with typed columns.
 */
export interface ObjectDefinition {
  id: StableId;
  name: Identifier;
  label: LocalizedText;
  help?: LocalizedText;
  titleField?: Identifier1;
  /**
   * @maxItems 500
   */
  fields: Field[];
  /**
   * @maxItems 50
   */
  indexes?: {
    /**
     * Field names in index order; a leading "-" orders that field descending (empty values last), like the list API's sort=-field, so the index serves that sort.
     *
     * @minItems 1
     * @maxItems 8
     */
    fields: string[];
    unique?: boolean;
  }[];
}
export interface FilterCondition {
  field: string;
  op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'nin' | 'contains' | 'starts_with' | 'is_null' | 'between';
  value?: unknown;
}
/**
 * The layout of one object's record form: sections of fields in columns, each field with its widget and its conditional rules. The studio compiles it to a react-jsonschema-form schema and uiSchema; the record pages and the designer's preview render that. Conditions use the filter language over the record's own fields, evaluated as the user types.
 */
export interface Form {
  id: StableId;
  object: Identifier6;
  /**
   * @minItems 1
   * @maxItems 50
   */
  sections: FormSection[];
}
/**
 * A titled group of fields; visibleWhen: the section shows only while the record matches.
 */
export interface FormSection {
  id: StableId;
  title: LocalizedText;
  /**
   * How many columns the section's fields flow into. Default 2.
   */
  columns?: number;
  /**
   * Shown folded until the user opens it.
   */
  collapsed?: boolean;
  visibleWhen?: Filter;
  /**
   * @minItems 1
   * @maxItems 200
   */
  fields: FormField[];
}
/**
 * One field on the form. visibleWhen: shown only while the record matches (a hidden field keeps its value); readOnlyWhen: read-only while it matches; requiredWhen: must be filled while it matches (checked by the form before it saves).
 */
export interface FormField {
  field: Identifier2;
  /**
   * How the value is entered; the field type's own widget when absent. Must suit the field's type.
   */
  widget?:
    | 'text'
    | 'textarea'
    | 'select'
    | 'radio'
    | 'checkboxes'
    | 'checkbox'
    | 'date'
    | 'datetime'
    | 'updown'
    | 'range'
    | 'email'
    | 'url';
  /**
   * Columns this field takes in its section. Default 1.
   */
  span?: number;
  placeholder?: LocalizedText;
  help?: LocalizedText1;
  visibleWhen?: Filter;
  readOnly?: boolean;
  readOnlyWhen?: Filter;
  requiredWhen?: Filter;
}
/**
 * A text in Simplified Chinese and English.
 */
export interface LocalizedText1 {
  'zh-CN': string;
  en: string;
}
/**
 * What the members holding this role may do in a workspace: per object the actions, per field the access, and a row rule (a filter with $user variables) compiled into the SQL of every read and write.
 */
export interface Role {
  name: Identifier2;
  label: LocalizedText;
  description?: LocalizedText;
  /**
   * Workspace administration: edit the blueprint, manage members, edit roles, read the audit log, answer data-subject requests.
   */
  capabilities?: ('blueprint' | 'members' | 'roles' | 'audit' | 'privacy')[];
  /**
   * Permissions per object name; the key "*" applies to objects not named.
   */
  objects: {
    [k: string]: ObjectPermission;
  };
}
/**
 * actions allowed; access per field; rows: the rows the role may read and write, a filter whose values may be variables ($user.id, $user.email, $user.team_ids, $user.team_member_ids, $user.regions).
 */
export interface ObjectPermission {
  actions: Action[];
  /**
   * Access per field name (system columns owner_id and the like included); "*" is the default for fields not named.
   */
  fields?: {
    [k: string]: FieldAccess;
  };
  rows?: Filter;
}
/**
 * How the columns of a CSV or Excel file become records of one object: which column feeds which field, how values are cleaned, and what happens to a row that matches a record already there. Saved and reused as a template.
 */
export interface ImportMapping {
  object?: Identifier2;
  /**
   * Per field of the object: where its value comes from.
   */
  fields: {
    [k: string]: FieldSource;
  };
  clean?: Cleaning;
  match?: Matching;
}
export interface FieldSource {
  /**
   * The column (its header text), or several columns joined into one value.
   */
  from?: string | string[];
  /**
   * Separator between the values of several columns (default: a space; empty ones are left out).
   */
  join?: string;
  /**
   * Take one part of the value: of a full name (family or given name), or of a Chinese address (province, city, district, or the rest).
   */
  part?: 'family_name' | 'given_name' | 'province' | 'city' | 'district' | 'street';
  /**
   * Text in the file → option value (select fields) or value (other fields); compared after trimming and ignoring case and width.
   */
  values?: {
    [k: string]: string | number | boolean;
  };
  /**
   * How to read an all-number date such as 03/04/2024 (Y-M-D dates are never ambiguous).
   */
  dateOrder?: 'DMY' | 'MDY';
  lookup?: Identifier7;
  /**
   * The value when the column is empty (or the only source, when `from` is absent).
   */
  default?: {
    [k: string]: unknown;
  };
}
/**
 * Cleaning rules, all on by default: phone numbers to E.164, emails trimmed and lower-cased, full-width characters and stray spaces in text, Chinese addresses standardised against the administrative divisions.
 */
export interface Cleaning {
  phones?: boolean;
  emails?: boolean;
  text?: boolean;
  addresses?: boolean;
  /**
   * Country of national phone numbers (ISO 3166 alpha-2); CN by default.
   */
  defaultCountry?: string;
}
/**
 * How a row finds the record it duplicates (in the file or already stored) and what happens then.
 */
export interface Matching {
  on?: On;
  /**
   * What a matching row does: update the record (the file's values win), merge into it (per-field rules), skip, or create a new record anyway.
   */
  action?: 'update' | 'merge' | 'skip' | 'create';
  fuzzy?: FuzzyMatching;
  /**
   * Survivorship per field when merging: incoming (the file's value), existing (the stored one), fill_empty (the stored one unless empty), longest (the more complete text), union (keep all values of a multi-value field), newest (the value of the newer record, by `newestBy`), source_priority (the value of the record from the higher-ranked source, by `sourceField` and `sourcePriority`). fill_empty when not named; an empty value is always filled.
   */
  merge?: {
    [k: string]: 'incoming' | 'existing' | 'fill_empty' | 'longest' | 'union' | 'newest' | 'source_priority';
  };
  newestBy?: Identifier8;
  sourceField?: Identifier9;
  /**
   * For the source_priority rule: sources from the most to the least trusted (e.g. ["erp", "tmall", "store"]); a source not listed ranks last; on a tie the stored value stays.
   *
   * @minItems 1
   * @maxItems 50
   */
  sourcePriority?: string[];
}
/**
 * Likely duplicates that no match key finds (the same customer with a typo in the name, an address written another way). Candidates are the records that share every `block` field exactly (after cleaning); each is scored by the weighted text similarity (0 to 1) of the `compare` fields both sides have. At or above `threshold` the row is treated as a match; from `review` up to the threshold it waits in the duplicates review queue for a person to decide; below `review` it is a new record.
 */
export interface FuzzyMatching {
  /**
   * Fields a candidate must share exactly (e.g. ["district"] or ["name"]); an indexed field keeps the lookup fast.
   *
   * @minItems 1
   * @maxItems 3
   */
  block: Identifier2[];
  /**
   * Fields compared by similarity, with their weights (e.g. {"name": 2, "street": 1}).
   */
  compare: {
    [k: string]: number;
  };
  /**
   * Score from which a candidate is the same record (default 0.9).
   */
  threshold?: number;
  /**
   * Score from which a candidate goes to the review queue (default 0.75; at most the threshold).
   */
  review?: number;
}
/**
 * How a dedupe run finds likely duplicates among the stored records of one object: records equal on every field of a match key, and records of one block whose compared fields are alike (the same rules as an import's matching). Every pair found goes to the duplicates review queue; nothing is merged without a person's decision.
 */
export interface DedupeRule {
  on?: On;
  fuzzy?: FuzzyMatching;
}
