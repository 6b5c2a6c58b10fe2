/** Studio strings, zh-CN first. */
export const messages = {
  'zh-CN': { title: 'Tessera 工作台', objects: '对象', records: '记录', total: '共 {n} 条', loading: '加载中…', error: '加载失败', api: 'API 文档', language: 'English' },
  en: { title: 'Tessera studio', objects: 'Objects', records: 'Records', total: '{n} in all', loading: 'Loading…', error: 'Could not load', api: 'API document', language: '中文' },
} as const;

/** A language of the studio. */
export type Locale = keyof typeof messages;
