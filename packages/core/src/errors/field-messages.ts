/**
 * Messages for one field's error, in zh-CN and en: used by record validation and document validation.
 * Templates use `{name}` placeholders filled from the error's params.
 */
export const fieldMessages = {
  required: { 'zh-CN': '必填', en: 'is required' },
  unknown_field: { 'zh-CN': '未知字段', en: 'is not a field of this object' },
  read_only: { 'zh-CN': '只读字段，不能写入', en: 'is read-only' },
  type: { 'zh-CN': '类型应为 {expected}', en: 'must be of type {expected}' },
  min_length: { 'zh-CN': '长度不能少于 {limit}', en: 'must be at least {limit} characters long' },
  max_length: { 'zh-CN': '长度不能超过 {limit}', en: 'must be at most {limit} characters long' },
  minimum: { 'zh-CN': '不能小于 {limit}', en: 'must be at least {limit}' },
  maximum: { 'zh-CN': '不能大于 {limit}', en: 'must be at most {limit}' },
  pattern: { 'zh-CN': '格式不符合要求', en: 'does not match the required pattern' },
  format: { 'zh-CN': '不是有效的{format}', en: 'is not a valid {format}' },
  option: { 'zh-CN': '不是可选值之一', en: 'is not one of the allowed options' },
  decimal: { 'zh-CN': '应为最多 {scale} 位小数、总位数不超过 {precision} 的数字', en: 'must be a number with at most {scale} decimals and {precision} digits' },
  duplicate_item: { 'zh-CN': '包含重复的值', en: 'holds the same value twice' },
  too_many_items: { 'zh-CN': '最多 {limit} 项', en: 'must hold at most {limit} items' },
  unique: { 'zh-CN': '该值已存在', en: 'is already taken' },
  invalid: { 'zh-CN': '无效：{reason}', en: 'is invalid: {reason}' },
  identifier: { 'zh-CN': '须以小写字母开头，仅含小写字母、数字和下划线，最长 63 个字符', en: 'must start with a lower-case letter and hold only a-z, 0-9 and _, at most 63 characters' },
  reserved: { 'zh-CN': '“{name}”是保留名称', en: '"{name}" is a reserved name' },
  duplicate_name: { 'zh-CN': '名称“{name}”重复', en: 'the name "{name}" is used twice' },
  duplicate_id: { 'zh-CN': 'ID“{name}”重复', en: 'the id "{name}" is used twice' },
  unknown_reference: { 'zh-CN': '引用的“{name}”不存在', en: 'refers to "{name}", which does not exist' },
  not_applicable: { 'zh-CN': '不适用于 {type} 类型', en: 'does not apply to type {type}' },
  bad_inverse: { 'zh-CN': '反向字段须为指向本对象的多对一关系', en: 'the inverse must be a many_to_one field of the target pointing back here' },
  bad_regex: { 'zh-CN': '不是有效的正则表达式', en: 'is not a valid regular expression' },
  range: { 'zh-CN': '最小值不能大于最大值', en: 'the minimum must not exceed the maximum' },
  type_changed_id: { 'zh-CN': '同一 ID 的对象或字段名称冲突', en: 'clashes with another object or field of the same id' },
  encrypted_needs_personal: { 'zh-CN': '加密字段须同时标记为个人信息（personal: true）', en: 'an encrypted field must also be personal (personal: true)' },
  encrypted_not_indexable: { 'zh-CN': '加密字段不能用于 {keyword}：数据库无法比较或排序密文（精确查找经由盲索引，按盲索引去重将在以后提供）', en: 'an encrypted field cannot be used for {keyword}: the database cannot compare or order ciphertexts (exact lookups go through its blind index; deduplication through it comes later)' },
  encrypted_no_default: { 'zh-CN': '加密字段不能有默认值：默认值会以明文写入表定义', en: 'an encrypted field cannot have a default: it would sit in clear in the table definition' },
  own_fields_only: { 'zh-CN': '表单条件只能引用本对象自己的字段，不能经由关联（{name}）', en: 'a form condition may name only fields of its own object, not a path through a relation ({name})' },
} as const;

/** Code of one field-level error. */
export type FieldErrorCode = keyof typeof fieldMessages;
