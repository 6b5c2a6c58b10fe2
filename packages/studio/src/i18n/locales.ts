/** One language of the studio: Simplified Chinese first, English second. */
export type Locale = 'zh-CN' | 'en';
