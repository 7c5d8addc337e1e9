/**
 * A workspace's details in the org tree: who can reach it (implicit access marked, "assumed" where the API documents
 * nothing), its keys, and the workspace-member actions for real members only. The answer is a contract-checked
 * fixture of `workspaces.access()` in the shape main's read model gives (test/main/db/queries/workspace-access.test.ts
 * checks that read model against the sandbox).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { WorkspaceAccessDetails } from '../../../../renderer/features/org-tree/WorkspaceAccess';
import { useActionsStore } from '../../../../renderer/stores/useActionsStore';
import type { AccessPerson, OrgWorkspace, WorkspaceAccess } from '../../../../preload/contract';
import { installFakeApi, type FakeApi } from '../../fake-api';

const person = (over: Partial<AccessPerson> & Pick<AccessPerson, 'userId' | 'name'>): AccessPerson => ({
  email: `${over.userId}@acme.example`,
  orgRole: 'developer',
  workspaceRole: 'workspace_developer',
  memberRole: 'workspace_developer',
  implicitRole: null,
  implicitBecause: null,
  via: 'member',
  assumed: false,
  ...over,
});
const admin = { orgRole: 'admin', workspaceRole: 'workspace_admin', implicitRole: 'workspace_admin' } as const;

function answerFor(workspace: OrgWorkspace): WorkspaceAccess {
  return {
    workspace: { id: workspace.id, name: workspace.name, isDefault: workspace.isDefault, archived: false },
    people: [
      person({
        userId: 'user_ada',
        name: 'Ada',
        ...admin,
        memberRole: null,
        via: 'implicit',
        implicitBecause: 'org admin',
      }),
      person({ userId: 'user_dev', name: 'Dev' }),
      person({
        userId: 'user_olu',
        name: 'Olu',
        ...admin,
        orgRole: 'owner',
        memberRole: null,
        via: 'implicit',
        implicitBecause: 'org owner',
        assumed: true,
      }),
    ],
    addable: [{ userId: 'user_new', name: 'Newt', email: 'newt@acme.example', orgRole: 'user' }],
    keys: [
      {
        id: 'apikey_1',
        name: 'prod-backend',
        status: 'active',
        partialKeyHint: null,
        createdAtMs: Date.UTC(2026, 8, 1),
        creatorName: 'a former member',
        creatorIsMember: false,
        verdict: 'orphaned',
      },
    ],
    organizationKeys: [],
  };
}
const production: OrgWorkspace = {
  id: 'wrkspc_prod',
  name: 'Production',
  isDefault: false,
  archived: false,
  members: [],
  keys: [],
};
const fallback: OrgWorkspace = { ...production, id: 'wrkspc_default', name: 'Default Workspace', isDefault: true };

let fake: FakeApi;
beforeEach(() => {
  useActionsStore.getState().close();
  fake = installFakeApi({
    'clade:workspaces/access': ({ workspaceId }) => answerFor(workspaceId === fallback.id ? fallback : production),
    'clade:actions/preview': (action) => ({
      description: `preview of ${action.kind}`,
      irreversible: false,
      confirmText: null,
      confirmToken: null,
      problems: [],
      before: null,
    }),
  });
});
afterEach(cleanup);

describe('workspace details', () => {
  it('lists everyone who can reach it, implicit access marked and owners as assumed, and its keys', async () => {
    render(<WorkspaceAccessDetails workspace={production} />);
    const people = await screen.findByRole('region', { name: /^Who can reach it \(3: 1 members, 2 implicit\)/ });
    expect(fake.calls[0]).toEqual({ channel: 'clade:workspaces/access', request: { workspaceId: 'wrkspc_prod' } });
    const items = within(people).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Workspace admin · Implicit · org admin'),
      expect.stringContaining('Developer · Member'),
      expect.stringContaining('Workspace admin · Implicit · org owner (assumed)'),
    ]);
    const keys = screen.getByRole('region', { name: 'API keys (1)' });
    expect(keys.textContent).toContain('prod-backend');
    expect(keys.textContent).toContain('Active · orphaned');
    expect(keys.textContent).toContain('by a former member');
  });

  it('offers the member actions for real members only, and sends them through the confirmed admin actions', async () => {
    render(<WorkspaceAccessDetails workspace={production} />);
    const people = await screen.findByRole('region', { name: /^Who can reach it/ });
    expect(within(people).getAllByText('Manage')).toHaveLength(1);
    await act(async () => {
      fireEvent.click(within(people).getByRole('button', { name: 'Remove from workspace' }));
    });
    expect(fake.calls.at(-1)).toEqual({
      channel: 'clade:actions/preview',
      request: { kind: 'workspace-member.remove', workspaceId: 'wrkspc_prod', userId: 'user_dev' },
    });
    expect(screen.getByRole('button', { name: 'Add to workspace' })).toBeTruthy();
  });

  it('offers no membership changes in the default workspace, whose membership follows the org', async () => {
    render(<WorkspaceAccessDetails workspace={fallback} />);
    await screen.findByRole('region', { name: /^Who can reach it/ });
    expect(screen.queryByText('Manage')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add to workspace' })).toBeNull();
  });
});
