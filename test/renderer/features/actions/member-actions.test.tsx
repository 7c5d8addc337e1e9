import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import {
  ConfirmActionDialog,
  InviteForm,
  OrgMemberActions,
  WorkspaceMemberActions,
} from '../../../../renderer/features/actions';
import { useActionsStore } from '../../../../renderer/stores/useActionsStore';
import type { AdminActionRequest } from '../../../../preload/contract';
import { installFakeApi, type FakeApi } from '../../fake-api';

let fake: FakeApi;
beforeEach(() => {
  useActionsStore.getState().close();
  fake = installFakeApi({
    'clade:actions/preview': (action: AdminActionRequest) => ({
      description: `preview of ${action.kind}`,
      irreversible: action.kind === 'user.remove',
      confirmText: action.kind === 'user.remove' ? 'dev@example.com' : null,
      confirmToken: action.kind === 'user.remove' ? 'token-from-main' : null,
      problems:
        action.kind === 'invite.create' && action.role === 'admin'
          ? ['The admin role cannot be invited through the Admin API']
          : [],
      before: null,
    }),
    'clade:actions/run': ({ action }) => ({
      ok: true,
      description: action.kind,
      summary: `done ${action.kind}`,
      before: null,
      after: {},
    }),
  });
});
afterEach(cleanup);
const runs = () => fake.calls.filter((c) => c.channel === 'clade:actions/run').map((c) => c.request);

describe('member actions', () => {
  it('changes an org role through the dialog and calls back', async () => {
    let changed = 0;
    render(
      <>
        <OrgMemberActions userId="user_01" role="user" onChanged={() => (changed += 1)} />
        <ConfirmActionDialog />
      </>,
    );
    fireEvent.change(screen.getByLabelText('Organization role'), { target: { value: 'billing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change role' }));
    const dialog = await screen.findByRole('dialog');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' })));
    expect(runs()).toEqual([{ action: { kind: 'user.set-role', userId: 'user_01', role: 'billing' } }]);
    expect(changed).toBe(1);
  });

  it('offers no actions on an admin, and never offers admin as a role', () => {
    render(<OrgMemberActions userId="user_02" role="admin" />);
    expect(screen.getByText(/cannot change or remove a member with the admin role/)).toBeTruthy();
    cleanup();
    render(<InviteForm />);
    const options = [...(screen.getByLabelText('Role') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).not.toContain('admin');
  });

  it('adding to a workspace cannot pick workspace_billing; removal asks for confirmation', async () => {
    render(
      <>
        <WorkspaceMemberActions workspaceId="wrkspc_01" userId="user_01" workspaceRole={null} />
        <ConfirmActionDialog />
      </>,
    );
    const options = [...(screen.getByLabelText('Workspace role') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).not.toContain('workspace_billing');
    fireEvent.click(screen.getByRole('button', { name: 'Add to workspace' }));
    const dialog = await screen.findByRole('dialog');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' })));
    expect(runs()).toEqual([
      { action: { kind: 'workspace-member.add', workspaceId: 'wrkspc_01', userId: 'user_01', role: 'workspace_user' } },
    ]);
  });
});
