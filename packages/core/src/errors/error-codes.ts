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
  INVALID_CREDENTIALS: { status: 401, 'zh-CN': '邮箱或密码不正确', en: 'The email or password is incorrect' },
  // Same status as a wrong password: the lock applies to unknown emails too, so it reveals no account.
  ACCOUNT_LOCKED: { status: 401, 'zh-CN': '登录失败次数过多，已锁定 {minutes} 分钟，请稍后再试', en: 'Too many failed sign-ins: locked for {minutes} minutes, try again later' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录（或提供有效的 API 密钥）', en: 'Sign in first (or send a valid API key)' },
  CSRF_FAILED: { status: 403, 'zh-CN': 'CSRF 校验失败：请在 X-CSRF-Token 头中发送会话的令牌', en: 'CSRF check failed: send the session\'s token in the X-CSRF-Token header' },
  SCOPE_DENIED: { status: 403, 'zh-CN': 'API 密钥缺少权限范围 {scope}', en: 'The API key lacks the scope {scope}' },
  FORBIDDEN: { status: 403, 'zh-CN': '无权执行此操作', en: 'You are not allowed to do this' },
  INVALID_PASSWORD: { status: 400, 'zh-CN': '密码长度须为 {min} 到 {max} 个字符', en: 'The password must be {min} to {max} characters long' },
  INVALID_EMAIL: { status: 400, 'zh-CN': '邮箱地址无效', en: 'The email address is invalid' },
  LAST_ADMIN: { status: 409, 'zh-CN': '不能停用或降级最后一位有效的平台管理员', en: 'The last active platform admin cannot be suspended or demoted' },
  RATE_LIMITED: { status: 429, 'zh-CN': '请求过于频繁，请 {seconds} 秒后再试', en: 'Too many requests: try again in {seconds} seconds' },
  FIELD_FORBIDDEN: { status: 403, 'zh-CN': '无权使用字段“{field}”（{use}）', en: 'Not allowed to use the field {field} ({use})' },
  ROW_FORBIDDEN: { status: 403, 'zh-CN': '记录不在您的数据权限范围内：{what}', en: 'The record would be outside the rows you may access: {what}' },
  IMPORT_EMPTY_FILE: { status: 422, 'zh-CN': '文件是空的', en: 'The file is empty' },
  IMPORT_NO_DATA_ROWS: { status: 422, 'zh-CN': '文件只有表头，没有数据行', en: 'The file holds a header but no data rows' },
  IMPORT_NOT_TEXT: { status: 422, 'zh-CN': '文件既不是 CSV 文本也不是 Excel（.xlsx）工作簿', en: 'The file is neither CSV text nor an Excel (.xlsx) workbook' },
  IMPORT_UNSUPPORTED_FORMAT: { status: 422, 'zh-CN': '不支持旧版 Excel（.xls）文件：请另存为 .xlsx 或 CSV', en: 'Old Excel (.xls) files are not supported: save as .xlsx or CSV' },
  IMPORT_UNREADABLE_XLSX: { status: 422, 'zh-CN': 'Excel 文件已损坏或无法读取：{reason}', en: 'The Excel file is damaged or unreadable: {reason}' },
  IMPORT_UNKNOWN_SHEET: { status: 422, 'zh-CN': '工作表“{sheet}”不存在（现有：{sheets}）', en: 'There is no sheet "{sheet}" (the workbook has: {sheets})' },
  IMPORT_ROW_TOO_LONG: { status: 422, 'zh-CN': '第 {row} 行超过 {limit} 个字符，已停止读取（文件可能不是表格）', en: 'Row {row} is longer than {limit} characters; reading stopped (the file may not be a table)' },
  IMPORT_MALFORMED_CSV: { status: 422, 'zh-CN': 'CSV 第 {row} 行格式错误：{reason}', en: 'The CSV is malformed at row {row}: {reason}' },
  IMPORT_BAD_MAPPING: { status: 422, 'zh-CN': '字段映射无效（{count} 处错误）', en: 'The column mapping is invalid ({count} errors)' },
  IMPORT_NOT_RUNNABLE: { status: 409, 'zh-CN': '导入任务当前状态为“{status}”，不能{action}', en: 'The import is {status} and cannot be {action}' },
  IMPORT_FILE_CHANGED: { status: 409, 'zh-CN': '导入文件在中断后被修改，无法续传', en: 'The import file changed since the import started; it cannot resume' },
  DUPLICATE_RESOLVED: { status: 409, 'zh-CN': '该重复项已处理（{status}）', en: 'This duplicate was resolved already ({status})' },
  DUPLICATE_NOT_READY: { status: 409, 'zh-CN': '导入仍在进行中，完成后才能处理待审核的行', en: 'The import is still running; its rows under review can be resolved once it ends' },
  INTERNAL: { status: 500, 'zh-CN': '服务器内部错误（编号 {requestId}）', en: 'Internal server error (reference {requestId})' },
} as const;

/** The stable string code of an error. */
export type ErrorCode = keyof typeof errorCodes;
