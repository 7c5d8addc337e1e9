/**
 * The audit trail's storage API. Everything else in main/db/audit is an implementation detail.
 * Pure parts (event model, normalisers, query language, export rows, chain and verify logic) live in core/audit.
 */
export type { AuditAppendResult, AuditStoreOptions } from './append';
export {
  appendAuditEvents,
  appendComplianceActivitiesToAudit,
  appendJournalEventsToAudit,
  appendStoredJournalEventsToAudit,
  readAuditTip,
  recordLocalAuditAction,
} from './append';
export { catchUpJournalIntoAudit, type JournalCatchUpResult } from './journal-catch-up';
export {
  AuditQueryError,
  countAuditEvents,
  iterateAuditEvents,
  searchAuditEvents,
  type AuditSearchEvent,
  type AuditSearchPage,
} from './search';
export { streamAuditExport } from './export';
export { verifyAuditChain, readAuditAnchor } from './verify';
export { applyAuditRetention, purgeAuditOlderThan, type AuditPurgeResult } from './purge';
export { AuditChainBrokenError, resetAuditHead } from './head-reset';
export { defaultHeadPath } from './head-file';
export { readIngestMark, writeIngestMark, type AuditFeed } from './ingest-marks';
export { recordSettingChanged, recordKeyConnected, recordKeyRemoved, type KeyConnectedInput } from './local-actions';
