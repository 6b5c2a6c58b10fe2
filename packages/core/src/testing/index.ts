/** Testing helpers shared by the test suites of every package. */
export { openTestDatabase } from './test-database.js';
