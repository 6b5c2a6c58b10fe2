/** Search: one text looked up across every object a caller may read (the studio's global search box). */
export { globalSearch, type SearchGroup, type SearchHit } from './global-search.js';
export { parseSearchQuery, maxSearchText, maxSearchLimit, type SearchQuery } from './search-query.js';
