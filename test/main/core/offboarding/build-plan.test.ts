/** The pure plan builder: safe order, per-key choices, what it refuses, and the org admin's Console ending. */
import { describe, expect, it } from 'vitest';
import { buildOffboardingPlan, CONSOLE_MEMBERS_URL } from '../../../../main/core/offboarding/build-plan';
import type { OffboardHoldings } from '../../../../main/core/offboarding/types';

function holdings(over: Partial<OffboardHoldings> = {}): OffboardHoldings {
  return {
    person: { id: 'user_ana', email: 'ana@example.com', name: 'Ana', role: 'developer' },
    isOrgAdmin: false,
    memberships: [
      { workspaceId: 'wrkspc_prod', workspaceName: 'Production', role: 'workspace_admin', onlyAdmin: true },
      { workspaceId: 'wrkspc_dev', workspaceName: 'Dev', role: 'workspace_developer', onlyAdmin: false },
    ],
    keys: [
      {
        id: 'apikey_a',
        name: 'ci',
        workspaceName: 'Production',
        tokens30d: 10,
        estimateCents30d: '1',
        lastUsedDayMs: null,
      },
      {
        id: 'apikey_b',
        name: 'laptop',
        workspaceName: 'Dev',
        tokens30d: 0,
        estimateCents30d: '0',
        lastUsedDayMs: null,
      },
    ],
    invitesSent: { known: true, invites: [] },
    claudeCode: { lastDayMs: null, sessions30d: 0, daysActive30d: 0, estimatedCostCents30d: '0' },
    ...over,
  };
}

describe('buildOffboardingPlan', () => {
  it('orders keys, then memberships, then the org, each with the admin action it sends', () => {
    const plan = buildOffboardingPlan(holdings());
    expect(plan.problems).toEqual([]);
    expect(plan.steps.map((s) => [s.kind, s.targetId])).toEqual([
      ['key.deactivate', 'apikey_a'],
      ['key.deactivate', 'apikey_b'],
      ['workspace.leave', 'wrkspc_prod'],
      ['workspace.leave', 'wrkspc_dev'],
      ['org.remove', 'user_ana'],
    ]);
    expect(plan.steps[0]!.action).toEqual({ kind: 'apikey.set-status', keyId: 'apikey_a', status: 'inactive' });
    expect(plan.steps[2]!.action).toEqual({
      kind: 'workspace-member.remove',
      workspaceId: 'wrkspc_prod',
      userId: 'user_ana',
    });
    expect(plan.steps[4]!.action).toEqual({ kind: 'user.remove', userId: 'user_ana' });
    expect(plan.warnings).toEqual([
      "Key 'ci' in Production was used in the last 30 days (10 tokens): deactivating it stops whatever still uses it; keep it for an heir instead if a service depends on it.",
      'They are the only workspace admin of Production: after they go, only org admins administer it.',
    ]);
  });

  it('warns of no key in use once it is kept for an heir', () => {
    const plan = buildOffboardingPlan(holdings(), [{ keyId: 'apikey_a', inheritor: 'bo@example.com' }]);
    expect(plan.warnings.join('\n')).not.toMatch(/used in the last 30 days/);
  });

  it('a kept key becomes a note naming its inheritor, and sends nothing', () => {
    const plan = buildOffboardingPlan(holdings(), [{ keyId: 'apikey_b', inheritor: 'bo@example.com' }]);
    expect(plan.steps[1]).toMatchObject({ kind: 'key.keep', action: null, detail: 'inherited by bo@example.com' });
    expect(plan.steps[0]!.kind).toBe('key.deactivate');
  });

  it('refuses a key they did not create, a blank inheritor and the leaver as inheritor', () => {
    const plan = buildOffboardingPlan(holdings(), [
      { keyId: 'apikey_zzz', inheritor: 'bo@example.com' },
      { keyId: 'apikey_a', inheritor: '  ' },
      { keyId: 'apikey_b', inheritor: 'ANA@example.com' },
    ]);
    expect(plan.problems).toHaveLength(3);
    expect(plan.problems.join('\n')).toMatch(/apikey_zzz is not an active key created by ana@example.com/);
    expect(plan.problems.join('\n')).toMatch(/cannot be inherited by the person leaving/);
  });

  it('an org admin: keys, then the exact Console step; no membership or org action the API would refuse', () => {
    const plan = buildOffboardingPlan(
      holdings({
        isOrgAdmin: true,
        person: { id: 'user_boss', email: 'boss@example.com', name: 'Boss', role: 'admin' },
      }),
    );
    expect(plan.steps.map((s) => s.kind)).toEqual(['key.deactivate', 'key.deactivate', 'console.remove']);
    const last = plan.steps.at(-1)!;
    expect(last.action).toBeNull();
    expect(last.detail).toContain(CONSOLE_MEMBERS_URL);
    expect(last.detail).toContain('remove boss@example.com (admin)');
    expect(plan.warnings.join('\n')).toMatch(/2 workspace membership\(s\) cannot be changed through the Admin API/);
  });

  it('a primary owner is told to hand over primary ownership first', () => {
    const person = { id: 'user_po', email: 'po@example.com', name: 'Po', role: 'primary_owner' };
    const plan = buildOffboardingPlan(holdings({ isOrgAdmin: true, person }));
    expect(plan.steps.at(-1)!.detail).toMatch(/must first hand primary ownership to someone else/);
  });

  it('mentions pending invites they sent, which stay valid', () => {
    const plan = buildOffboardingPlan(
      holdings({
        invitesSent: {
          known: true,
          invites: [{ id: 'invite_1', email: 'x@example.com', role: 'user', invitedAtMs: 0, expiresAtMs: 1 }],
        },
      }),
    );
    expect(plan.warnings.join('\n')).toMatch(/sent 1 pending invite/);
  });
});
