import { describe, expect, it } from 'vitest';
import {
  AdminActionSchema,
  describeAction,
  describeDone,
  isIrreversible,
  planMirrorUpdate,
  validateAction,
  type ActionContext,
  type AdminAction,
} from '../../../../main/core/actions';

const key = { id: 'apikey_01', name: 'ci-deploy', status: 'active', workspaceId: 'wrkspc_01' };
const ws = { id: 'wrkspc_01', name: 'Production', archived: false };
const dev = { id: 'user_01', email: 'dev@example.com', name: 'Dev', role: 'developer' };
const admin = { ...dev, id: 'user_02', role: 'admin' };

describe('validateAction: the API role rules and the mirror state, before sending', () => {
  const cases: Array<[string, AdminAction, ActionContext, RegExp | null]> = [
    ['disable an active key', { kind: 'apikey.set-status', keyId: 'apikey_01', status: 'inactive' }, { key }, null],
    [
      'disable an inactive key',
      { kind: 'apikey.set-status', keyId: 'apikey_01', status: 'inactive' },
      { key: { ...key, status: 'inactive' } },
      /already inactive/,
    ],
    [
      'change an archived key',
      { kind: 'apikey.rename', keyId: 'apikey_01', name: 'x' },
      { key: { ...key, status: 'archived' } },
      /archived keys cannot be changed/,
    ],
    [
      're-activate an expired key',
      { kind: 'apikey.set-status', keyId: 'apikey_01', status: 'active' },
      { key: { ...key, status: 'expired' } },
      /expired key cannot be re-activated/,
    ],
    ['invite a developer', { kind: 'invite.create', email: 'a@example.com', role: 'developer' }, {}, null],
    [
      'invite an admin',
      { kind: 'invite.create', email: 'a@example.com', role: 'admin' },
      {},
      /admin role cannot be invited through the Admin API/,
    ],
    [
      'invite an owner',
      { kind: 'invite.create', email: 'a@example.com', role: 'owner' },
      {},
      /owner role cannot be invited/,
    ],
    [
      'invite an unknown role',
      { kind: 'invite.create', email: 'a@example.com', role: 'wizard' },
      {},
      /Unknown role wizard/,
    ],
    [
      'invite a bad email',
      { kind: 'invite.create', email: 'not-an-email', role: 'user' },
      {},
      /is not an email address/,
    ],
    [
      'delete an accepted invite',
      { kind: 'invite.delete', inviteId: 'invite_01' },
      { invite: { id: 'invite_01', email: 'a@x.io', role: 'user', status: 'accepted' } },
      /Only pending invites/,
    ],
    [
      'make someone admin',
      { kind: 'user.set-role', userId: 'user_01', role: 'admin' },
      { user: dev },
      /admin role cannot be given/,
    ],
    [
      'change an admin',
      { kind: 'user.set-role', userId: 'user_02', role: 'user' },
      { user: admin },
      /cannot change the role of a member with the admin role/,
    ],
    [
      'remove an admin',
      { kind: 'user.remove', userId: 'user_02' },
      { user: admin },
      /cannot remove a member with the admin role/,
    ],
    ['remove a developer', { kind: 'user.remove', userId: 'user_01' }, { user: dev }, null],
    [
      'add as workspace_billing',
      { kind: 'workspace-member.add', workspaceId: 'wrkspc_01', userId: 'user_01', role: 'workspace_billing' },
      { user: dev, workspace: ws },
      /cannot be added as workspace_billing/,
    ],
    [
      'set workspace_billing',
      { kind: 'workspace-member.set-role', workspaceId: 'wrkspc_01', userId: 'user_01', role: 'workspace_billing' },
      { user: dev, workspace: ws, member: { workspaceId: 'wrkspc_01', userId: 'user_01', role: 'workspace_user' } },
      null,
    ],
    [
      'add to an archived workspace',
      { kind: 'workspace-member.add', workspaceId: 'wrkspc_01', userId: 'user_01', role: 'workspace_user' },
      { user: dev, workspace: { ...ws, archived: true } },
      /workspace is archived/,
    ],
    [
      "change an admin's workspace membership",
      { kind: 'workspace-member.remove', workspaceId: 'wrkspc_01', userId: 'user_02' },
      { user: admin, workspace: ws },
      /admin role/,
    ],
  ];
  it.each(cases)('%s', (_name, action, context, expected) => {
    const problems = validateAction(action, context);
    if (expected === null) expect(problems).toEqual([]);
    else expect(problems.join(' ')).toMatch(expected);
  });
});

describe('AdminActionSchema', () => {
  it('accepts the documented shapes and refuses ids of the wrong kind, settable statuses only', () => {
    expect(
      AdminActionSchema.safeParse({ kind: 'apikey.set-status', keyId: 'apikey_01', status: 'inactive' }).success,
    ).toBe(true);
    expect(
      AdminActionSchema.safeParse({ kind: 'apikey.set-status', keyId: 'user_01', status: 'inactive' }).success,
    ).toBe(false);
    expect(
      AdminActionSchema.safeParse({ kind: 'apikey.set-status', keyId: 'apikey_01', status: 'expired' }).success,
    ).toBe(false);
    expect(AdminActionSchema.safeParse({ kind: 'apikey.rename', keyId: 'apikey_01', name: '  ' }).success).toBe(false);
    expect(AdminActionSchema.safeParse({ kind: 'key.delete', keyId: 'apikey_01' }).success).toBe(false);
  });
});

describe('describeAction', () => {
  it('names the key and its workspace, and says archive is irreversible', () => {
    expect(
      describeAction({ kind: 'apikey.set-status', keyId: 'apikey_01', status: 'inactive' }, { key, workspace: ws }),
    ).toBe("Disable key 'ci-deploy' in Production");
    const archive: AdminAction = { kind: 'apikey.set-status', keyId: 'apikey_01', status: 'archived' };
    expect(describeAction(archive, { key, workspace: ws })).toBe(
      "Archive key 'ci-deploy' in Production (irreversible)",
    );
    expect(describeDone(archive, { key, workspace: ws })).toBe("Archived key 'ci-deploy' in Production");
    expect(isIrreversible(archive)).toBe(true);
    expect(isIrreversible({ kind: 'apikey.set-status', keyId: 'apikey_01', status: 'inactive' })).toBe(false);
  });
  it('falls back to ids the mirror does not know', () => {
    expect(describeAction({ kind: 'user.set-role', userId: 'user_09', role: 'user' })).toBe(
      'Change the role of user_09 from ? to user',
    );
  });
});

describe('planMirrorUpdate', () => {
  it('removing a user drops their workspace memberships with them', () => {
    expect(planMirrorUpdate({ kind: 'user.remove', userId: 'user_01' }, { kind: 'deleted', id: 'user_01' })).toEqual([
      { op: 'delete', resource: 'workspace_members', match: { user_id: 'user_01' } },
      { op: 'delete', resource: 'users', match: { id: 'user_01' } },
    ]);
  });
});
