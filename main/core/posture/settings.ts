/** The checklist settings' defaults (stored and validated as profile settings `posture.*` in the mirror). */
import type { PostureSettings } from './types';

export const DEFAULT_KEY_NAME_TEMPLATE = '{team}-{env}-{purpose}';

export function defaultPostureSettings(): PostureSettings {
  return {
    keyNameTemplate: DEFAULT_KEY_NAME_TEMPLATE,
    productionToken: 'prod',
    environments: [
      { name: 'staging', token: 'staging', pattern: '(^|[^a-z])stag(e|ing)?([^a-z]|$)' },
      { name: 'development', token: 'dev', pattern: '(^|[^a-z])dev(el|elop|elopment)?([^a-z]|$)' },
    ],
    maxAdmins: 3,
    auditReviewDays: 90,
    notApplicable: [],
  };
}
