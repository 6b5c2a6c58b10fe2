/**
 * Privacy: data-subject requests (PIPL, GDPR, CCPA) — export everything held about a person,
 * erase a person (personal fields anonymised across the records that are theirs, audited), and
 * consent per channel and purpose. See README.md for what each part does and why.
 */
export { exportPerson, subjectExportFormat, type SubjectExport } from './export-person.js';
export { erasePerson, type ErasureOptions, type ErasureResult } from './erase-person.js';
export type { ErasedRecord } from './erase-rows.js';
export { erasedText, erasedValue } from './erased-value.js';
export { recordConsent } from './record-consent.js';
export { consentsOf } from './consents-of.js';
export { hasConsent } from './has-consent.js';
export { consentedSql, type ConsentCondition } from './consented-sql.js';
export { consentIdentifier, consentStatuses, maxConsentSource, type ConsentInput, type ConsentStatus } from './consent-input.js';
export type { ConsentEntry, SubjectConsents } from './consent-history.js';
export type { SubjectAuditEntry } from './audit-trail.js';
