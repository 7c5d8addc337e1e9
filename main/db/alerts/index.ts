/** The alert state store and the mirror reader the alert core evaluates (app cycle, `clade-admin check|alerts|config`). */
export {
  readAlertInputs,
  readDefaultWorkspaceId,
  readWorkspaceName,
  rulesForMirror,
  costWindowStartMs,
} from './read-alert-inputs';
export {
  loadAlertRules,
  loadAlertRulesChecked,
  saveAlertRules,
  loadEpisodes,
  saveEpisodes,
  updateEpisodes,
  markEpisodesNotified,
  loadSnoozes,
  saveSnoozes,
  getLastDigestDay,
  setLastDigestDay,
  latestEpisodeActivityMs,
  type LoadedAlertRules,
} from './alert-state-repo';
