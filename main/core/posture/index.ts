/** Public surface of the posture core (issue #23): the access checklist as data. */
export type * from './types';
export { POSTURE_ITEM_IDS } from './types';
export { evaluatePosture, postureScore, postureExitCode, type PostureExitCode } from './evaluate';
export { defaultPostureSettings, DEFAULT_KEY_NAME_TEMPLATE } from './settings';
export { parseNameTemplate, matchName, suggestKeyName, slugWords, type NameTemplate } from './naming';
export { environmentsByWorkspace } from './environments';
export { suggestedBudgetUsd } from './items/org';
