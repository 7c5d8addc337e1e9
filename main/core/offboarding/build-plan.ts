/**
 * The offboarding plan: from what a person holds (db/queries/offboarding-holdings.ts) and the admin's per-key
 * choices, the steps in their safe order. Pure: no I/O.
 *
 * Why this order: keys first, because a key keeps working after its creator is gone (keys belong to the org,
 * admin-api.md §3.2), and a departing person's key is the access most often forgotten; then their workspace
 * memberships; then the org. The API cannot remove an admin, owner or primary owner, nor change their workspace
 * membership (§3.2, §3.4: they are workspace admins everywhere), so for them the plan lowers nothing it cannot and
 * ends with the exact Console step, which stays pending until a sync no longer finds them.
 */
import type { AdminAction } from '../actions/types';
import type { KeepKey, OffboardHoldings, OffboardStepKind } from './types';

/** Where the Console lists members (Console organizations are managed at platform.claude.com/settings). */
export const CONSOLE_MEMBERS_URL = 'https://platform.claude.com/settings/members';

export interface PlannedStep {
  kind: OffboardStepKind;
  label: string;
  targetId: string;
  /** The admin action the step sends; null for a note (a kept key) or the Console step. */
  action: AdminAction | null;
  /** The inheritor of a kept key, or the Console instruction. */
  detail: string | null;
}

export interface OffboardingPlan {
  steps: PlannedStep[];
  warnings: string[];
  /** Choices that cannot be honoured (a key they did not create, no inheritor); a plan with problems is not run. */
  problems: string[];
}

export function consoleInstruction(person: OffboardHoldings['person']): string {
  return (
    `In the Claude Console (${CONSOLE_MEMBERS_URL}), Settings → Members: remove ${person.email} ` +
    `(${person.role}) from the organization. The Admin API cannot remove a member with the ${person.role} role. ` +
    (person.role === 'primary_owner'
      ? 'A primary owner must first hand primary ownership to someone else there. '
      : '') +
    'This stays pending until a sync no longer finds them.'
  );
}

export function buildOffboardingPlan(holdings: OffboardHoldings, keep: readonly KeepKey[] = []): OffboardingPlan {
  const problems: string[] = [];
  const warnings: string[] = [];
  const kept = new Map<string, string>();
  const heldKeys = new Set(holdings.keys.map((key) => key.id));
  for (const choice of keep) {
    const inheritor = choice.inheritor.trim();
    if (!heldKeys.has(choice.keyId))
      problems.push(`${choice.keyId} is not an active key created by ${holdings.person.email}.`);
    else if (!inheritor) problems.push(`Say who inherits the kept key ${choice.keyId}.`);
    else if (samePerson(inheritor, holdings.person))
      problems.push(`The kept key ${choice.keyId} cannot be inherited by the person leaving.`);
    else kept.set(choice.keyId, inheritor);
  }

  const steps: PlannedStep[] = holdings.keys.map((key) => {
    const where = `'${key.name}' in ${key.workspaceName}`;
    const inheritor = kept.get(key.id);
    return inheritor !== undefined
      ? {
          kind: 'key.keep',
          label: `Keep key ${where}`,
          targetId: key.id,
          action: null,
          detail: `inherited by ${inheritor}`,
        }
      : {
          kind: 'key.deactivate',
          label: `Deactivate key ${where}`,
          targetId: key.id,
          action: { kind: 'apikey.set-status', keyId: key.id, status: 'inactive' },
          detail: null,
        };
  });

  // A key in use is most likely a service's, not only the person's: deactivating it stops that service too.
  for (const key of holdings.keys.filter((k) => k.tokens30d > 0 && !kept.has(k.id)))
    warnings.push(
      `Key '${key.name}' in ${key.workspaceName} was used in the last 30 days (${key.tokens30d.toLocaleString('en-US')} tokens): deactivating it stops whatever still uses it; keep it for an heir instead if a service depends on it.`,
    );

  const userId = holdings.person.id;
  if (holdings.isOrgAdmin) {
    if (holdings.memberships.length > 0)
      warnings.push(
        `As ${holdings.person.role}, their ${holdings.memberships.length} workspace membership(s) cannot be changed through the Admin API; the Console removal ends them.`,
      );
    steps.push({
      kind: 'console.remove',
      label: `Remove ${holdings.person.email} in the Console`,
      targetId: userId,
      action: null,
      detail: consoleInstruction(holdings.person),
    });
  } else {
    for (const membership of holdings.memberships) {
      steps.push({
        kind: 'workspace.leave',
        label: `Remove them from workspace ${membership.workspaceName} (${membership.role})`,
        targetId: membership.workspaceId,
        action: { kind: 'workspace-member.remove', workspaceId: membership.workspaceId, userId },
        detail: null,
      });
    }
    steps.push({
      kind: 'org.remove',
      label: `Remove ${holdings.person.email} from the organization`,
      targetId: userId,
      action: { kind: 'user.remove', userId },
      detail: null,
    });
  }
  for (const membership of holdings.memberships.filter((m) => m.onlyAdmin))
    warnings.push(
      `They are the only workspace admin of ${membership.workspaceName}: after they go, only org admins administer it.`,
    );
  if (holdings.invitesSent.invites.length > 0)
    warnings.push(
      `They sent ${holdings.invitesSent.invites.length} pending invite(s); these stay valid (delete them with \`invite delete\` if they should not).`,
    );
  return { steps, warnings, problems };
}

function samePerson(inheritor: string, person: OffboardHoldings['person']): boolean {
  const v = inheritor.toLowerCase();
  return v === person.email.toLowerCase() || v === person.id.toLowerCase();
}
