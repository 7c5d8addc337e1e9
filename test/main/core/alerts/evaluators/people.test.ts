import { describe, expect, it } from 'vitest';
import { evaluateNewPrivilegedMembers } from '../../../../../main/core/alerts/evaluators/new-privileged-members';
import { evaluatePendingInvites } from '../../../../../main/core/alerts/evaluators/pending-invites';
import { defaultAlertRules } from '../../../../../main/core/alerts/rules';
import type { AlertJournalEvent, AlertUser } from '../../../../../main/core/alerts/types';
import { ADA, at, DEV, inputs, invite } from '../fixtures';

const NOW = at('2026-11-23T10:00:00Z');
const DAY = 86_400_000;
const rules = defaultAlertRules('Europe/Berlin');

const OWEN: AlertUser = {
  id: 'user_01Owen',
  name: 'Owen Owner',
  email: 'owen@example.com',
  role: 'owner',
  addedAtMs: NOW - 2 * DAY,
};

function promotion(user: AlertUser, before: string, after: string, atMs: number): AlertJournalEvent {
  return { atMs, kind: 'users.changed', targetId: user.id, before: { role: before }, after: { role: after } };
}

describe('evaluateNewPrivilegedMembers', () => {
  it('flags a member who joined as owner within recentChangeDays', () => {
    const [condition] = evaluateNewPrivilegedMembers(inputs({ users: [ADA, DEV, OWEN] }), rules, NOW);
    expect(condition).toMatchObject({
      id: 'privileged-member:user_01Owen:owner',
      rule: 'new-privileged-member',
      severity: 'warning',
      targetKind: 'user',
      targetName: 'owen@example.com',
      title: 'New organization owner: owen@example.com',
      view: { view: 'people', id: 'user_01Owen' },
    });
    expect(condition?.body).toContain(
      'Owen Owner (owen@example.com) joined as owner Sat, 21 Nov 2026, 11:00 (Europe/Berlin)',
    );
  });

  it.each([
    ['joined exactly 7 days ago', NOW - 7 * DAY, true],
    ['joined 7 days and 1 ms ago', NOW - 7 * DAY - 1, false],
  ])('%s → %s', (_label, addedAtMs, flagged) => {
    const conditions = evaluateNewPrivilegedMembers(inputs({ users: [{ ...OWEN, addedAtMs }] }), rules, NOW);
    expect(conditions).toHaveLength(flagged ? 1 : 0);
  });

  it('flags a promotion to admin from the journal while the user still holds the role', () => {
    const promoted = { ...DEV, role: 'admin' };
    const journal = [promotion(DEV, 'developer', 'admin', NOW - DAY)];
    const [condition] = evaluateNewPrivilegedMembers(inputs({ users: [ADA, promoted], journal }), rules, NOW);
    expect(condition).toMatchObject({
      id: 'privileged-member:user_01Dev:admin',
      title: 'New organization admin: dev@example.com',
    });
    expect(condition?.body).toContain('was made admin (was developer)');
  });

  it.each([
    ['the promotion was undone', { ...DEV, role: 'developer' }, promotion(DEV, 'developer', 'admin', NOW - DAY)],
    [
      'the event is older than the window',
      { ...DEV, role: 'admin' },
      promotion(DEV, 'developer', 'admin', NOW - 8 * DAY),
    ],
    ['owner → admin is not a new privilege', { ...DEV, role: 'admin' }, promotion(DEV, 'owner', 'admin', NOW - DAY)],
    ['a role change to billing', { ...DEV, role: 'billing' }, promotion(DEV, 'developer', 'billing', NOW - DAY)],
  ])('stays quiet when %s', (_label, user, event) => {
    expect(evaluateNewPrivilegedMembers(inputs({ users: [ADA, user], journal: [event] }), rules, NOW)).toEqual([]);
  });
});

describe('evaluatePendingInvites', () => {
  it.each([
    [
      'pending 6 days, 15 left',
      invite({ id: 'invite_01A', invitedAtMs: NOW - 6 * DAY, expiresAtMs: NOW + 15 * DAY }),
      null,
    ],
    [
      'pending exactly 7 days',
      invite({ id: 'invite_01A', invitedAtMs: NOW - 7 * DAY, expiresAtMs: NOW + 14 * DAY }),
      'invite-pending:invite_01A',
    ],
    [
      'expiring in exactly 3 days',
      invite({ id: 'invite_01A', invitedAtMs: NOW - 18 * DAY, expiresAtMs: NOW + 3 * DAY }),
      'invite-expiring:invite_01A',
    ],
    [
      'already expired but still listed pending',
      invite({ id: 'invite_01A', invitedAtMs: NOW - 22 * DAY, expiresAtMs: NOW - DAY }),
      null,
    ],
    [
      'accepted',
      invite({ id: 'invite_01A', status: 'accepted', invitedAtMs: NOW - 10 * DAY, expiresAtMs: NOW + 11 * DAY }),
      null,
    ],
  ])('%s → %s', (_label, pending, id) => {
    const conditions = evaluatePendingInvites(inputs({ invites: [pending] }), rules, NOW);
    expect(conditions.map((c) => c.id)).toEqual(id === null ? [] : [id]);
  });

  it('names the invitee and the time left', () => {
    const expiring = invite({
      id: 'invite_01B',
      email: 'sam@example.com',
      invitedAtMs: NOW - 20 * DAY,
      expiresAtMs: NOW + DAY,
    });
    expect(evaluatePendingInvites(inputs({ invites: [expiring] }), rules, NOW)[0]).toMatchObject({
      rule: 'pending-invite',
      severity: 'info',
      targetKind: 'invite',
      targetName: 'sam@example.com',
      title: 'Invite for sam@example.com expires in 1 day',
      view: { view: 'people', id: 'invite_01B' },
    });
  });
});
