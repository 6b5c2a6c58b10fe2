/**
 * What every template's sample data draws from: one seeded stream, the sample window and its
 * formatters, and Chinese reference data (names, cities, addresses, phone numbers, companies).
 */
export { homeAddress, officeAddress } from './addresses.js';
export { CITIES, cityNamed, shortCityName, type City } from './cities.js';
export { element } from './element.js';
export { personalEmail, workEmail } from './email.js';
export { formatMoney } from './money.js';
export { personName, type PersonName } from './person-name.js';
export { landline, mobilePhone } from './phone-numbers.js';
export { Random } from './random.js';
export { inBatches, type SampleBatch, type SampleRecord } from './sample-batch.js';
export { WINDOW_DAYS, WINDOW_END, WINDOW_START, between } from './sample-window.js';
export { DAY, HOUR, SHANGHAI_OFFSET, formatDate, formatDateTime, shanghai } from './shanghai-time.js';
export { TRADE_NAMES } from './trade-names.js';
export { Weighted } from './weighted.js';
