/**
 * Which environment each workspace belongs to: production as the alert rules say (`production.*`, the one setting
 * for it), the other environments by the checklist's own patterns, matched the same way (names and tags, as the
 * production rule's `matchNames` / `matchTags` say). Archived workspaces belong to none.
 */
import type { AlertRules } from '../alerts/index';
import { productionWorkspaceKeys, workspaceKey } from '../alerts/index';
import type { PostureInputs, PostureSettings } from './types';

export interface WorkspaceEnvironment {
  /** Environment names, "production" first; empty when none matches. */
  names: string[];
  /** The `{env}` tokens of those environments. */
  tokens: string[];
}

export function environmentsByWorkspace(
  inputs: PostureInputs,
  rules: AlertRules,
  settings: PostureSettings,
): Map<string, WorkspaceEnvironment> {
  const production = productionWorkspaceKeys(inputs.alert, rules);
  const { matchNames, matchTags } = rules.production;
  const matchers = settings.environments.map((env) => ({ env, regex: safeRegex(env.pattern) }));
  const result = new Map<string, WorkspaceEnvironment>();
  for (const workspace of inputs.alert.workspaces) {
    if (workspace.archivedAtMs !== null) continue;
    const key = workspaceKey(workspace.id);
    const found: WorkspaceEnvironment = { names: [], tokens: [] };
    if (production.has(key)) {
      found.names.push('production');
      found.tokens.push(settings.productionToken);
    }
    for (const { env, regex } of matchers) {
      if (regex === null) continue;
      const tagged =
        matchTags && Object.entries(workspace.tags).some(([tag, value]) => regex.test(tag) || regex.test(value));
      if (tagged || (matchNames && regex.test(workspace.name))) {
        found.names.push(env.name);
        found.tokens.push(env.token);
      }
    }
    result.set(key, found);
  }
  return result;
}

/** Every word that names an environment: the tokens, the names, and the words of the production pattern's usual names. */
export function environmentWords(settings: PostureSettings): Set<string> {
  const words = new Set<string>(['prod', 'production', settings.productionToken]);
  for (const env of settings.environments) {
    words.add(env.token);
    words.add(env.name.toLowerCase());
  }
  for (const extra of ['staging', 'stage', 'stg', 'dev', 'development', 'test', 'testing', 'sandbox'])
    if (settings.environments.some((env) => safeRegex(env.pattern)?.test(extra) === true)) words.add(extra);
  return words;
}

function safeRegex(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'i');
  } catch {
    return null;
  }
}
