/** Which workspaces are production: listed by id, or named or tagged to match `rules.production.pattern`. */
import type { AlertRules } from '../rules';
import type { AlertInputs } from '../types';
import { workspaceKey } from './shared';

export function productionWorkspaceKeys(inputs: AlertInputs, rules: AlertRules): Set<string> {
  const { pattern, matchNames, matchTags, workspaceIds } = rules.production;
  const matcher = new RegExp(pattern, 'i');
  const keys = new Set<string>(workspaceIds);
  for (const workspace of inputs.workspaces) {
    if (workspace.archivedAtMs !== null) continue;
    const tagged =
      matchTags && Object.entries(workspace.tags).some(([tag, value]) => matcher.test(tag) || matcher.test(value));
    if (tagged || (matchNames && matcher.test(workspace.name))) keys.add(workspaceKey(workspace.id));
  }
  return keys;
}
