/**
 * Every error a client can see, with its HTTP status and its message in zh-CN and en.
 * Messages are templates: `{name}` is replaced from the error's params.
 */
export const errorCodes = {
  MALFORMED_JSON: { status: 400, 'zh-CN': '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  BAD_REQUEST: { status: 400, 'zh-CN': '请求无效：{reason}', en: 'Invalid request: {reason}' },
  INVALID_QUERY: { status: 400, 'zh-CN': '查询参数无效：{reason}', en: 'Invalid query: {reason}' },
  INVALID_FILTER: { status: 400, 'zh-CN': '筛选条件无效：{reason}', en: 'Invalid filter: {reason}' },
  VALIDATION_FAILED: { status: 422, 'zh-CN': '数据校验未通过（{count} 处错误）', en: 'Validation failed ({count} errors)' },
  INVALID_DOCUMENT: { status: 422, 'zh-CN': '文档无效（{count} 处错误）', en: 'The document is invalid ({count} errors)' },
  UNIQUE_VIOLATION: { status: 409, 'zh-CN': '字段“{field}”的值已存在', en: 'A record with this {field} already exists' },
  VERSION_CONFLICT: { status: 409, 'zh-CN': '记录已被他人修改（当前版本 {current}）', en: 'The record was changed by someone else (current version {current})' },
  BLUEPRINT_CONFLICT: { status: 409, 'zh-CN': '蓝图已被他人修改（当前版本 {current}）', en: 'The blueprint was changed by someone else (current version {current})' },
  RELATION_VIOLATION: { status: 409, 'zh-CN': '关联记录不存在或仍被引用：{field}', en: 'A related record is missing or still referenced: {field}' },
  DUPLICATE_KEY_IN_BATCH: { status: 422, 'zh-CN': '批量数据中键“{field}”重复', en: 'The batch holds the key {field} more than once' },
  MIGRATION_REFUSED: { status: 409, 'zh-CN': '变更会影响已有数据，已拒绝（{count} 个步骤需处理）', en: 'The change would break existing data and was refused ({count} steps need attention)' },
  NOT_FOUND: { status: 404, 'zh-CN': '未找到：{what}', en: 'Not found: {what}' },
  PAYLOAD_TOO_LARGE: { status: 413, 'zh-CN': '请求体过大（上限 {limit}）', en: 'The request body is too large (limit {limit})' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, 'zh-CN': '请求体须为 application/json', en: 'The request body must be application/json' },
  INTERNAL: { status: 500, 'zh-CN': '服务器内部错误（编号 {requestId}）', en: 'Internal server error (reference {requestId})' },
} as const;

/** The stable string code of an error. */
export type ErrorCode = keyof typeof errorCodes;
