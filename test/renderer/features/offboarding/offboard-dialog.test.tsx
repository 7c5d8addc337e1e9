/**
 * The Offboard dialog over a contract-checked fake api, for an org admin: it says the last step is in the Console,
 * keeping a key needs an heir before the plan can be reviewed, the plan is asked again with that choice, the run
 * carries the preview's token and the typed e-mail, and the report shows the Console step pending with its
 * instruction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { OffboardDialog } from '../../../../renderer/features/offboarding/OffboardDialog';
import { useOffboardingStore } from '../../../../renderer/stores/useOffboardingStore';
import type { OffboardPreview, OffboardReport, OffboardStep } from '../../../../preload/contract';
import { installFakeApi, type FakeApi } from '../../fake-api';

const person = { id: 'user_01BOSS', email: 'boss@acme.example', name: 'Bo Boss', role: 'admin' };
const CONSOLE =
  'In the Claude Console (https://platform.claude.com/settings/members), Settings → Members: remove boss@acme.example (admin) from the organization.';

function steps(keep: boolean, status: (kind: OffboardStep['kind']) => OffboardStep['status']): OffboardStep[] {
  return [
    {
      seq: 1,
      kind: keep ? 'key.keep' : 'key.deactivate',
      label: keep ? "Keep key 'prod-backend' in Production" : "Deactivate key 'prod-backend' in Production",
      targetId: 'apikey_01',
      status: status(keep ? 'key.keep' : 'key.deactivate'),
      detail: keep ? 'inherited by ana@acme.example' : null,
      atMs: null,
    },
    {
      seq: 2,
      kind: 'console.remove',
      label: 'Remove boss@acme.example in the Console',
      targetId: person.id,
      status: status('console.remove'),
      detail: CONSOLE,
      atMs: null,
    },
  ];
}

function preview(keep: boolean): OffboardPreview {
  return {
    holdings: {
      person,
      isOrgAdmin: true,
      memberships: [
        { workspaceId: 'wrkspc_01', workspaceName: 'Production', role: 'workspace_admin', onlyAdmin: true },
      ],
      keys: [
        {
          id: 'apikey_01',
          name: 'prod-backend',
          workspaceName: 'Production',
          tokens30d: 1200,
          estimateCents30d: '250.5',
          lastUsedDayMs: Date.UTC(2026, 10, 20),
        },
      ],
      invitesSent: { known: false, invites: [] },
      claudeCode: { lastDayMs: null, sessions30d: 0, daysActive30d: 0, estimatedCostCents30d: '0' },
    },
    plan: {
      userId: person.id,
      steps: steps(keep, () => 'planned'),
      warnings: ['They are the only workspace admin of Production: after they go, only org admins administer it.'],
    },
    resumes: null,
    problems: [],
    confirmText: person.email,
    confirmToken: keep ? 'token-keep' : 'token-first',
  };
}

let fake: FakeApi;
beforeEach(() => {
  useOffboardingStore.getState().close();
  fake = installFakeApi({
    'clade:offboarding/preview': (request) => preview(request.keep.length > 0),
    'clade:offboarding/progress': () => null,
    'clade:offboarding/run': (): OffboardReport => ({
      person,
      run: { runId: 1, startedAtMs: 1, finishedAtMs: null, status: 'awaiting-console' },
      steps: steps(true, (kind) => (kind === 'console.remove' ? 'pending' : 'done')),
      outcome: `Everything the Admin API allows is done for boss@acme.example. One step remains, in the Console: ${CONSOLE}`,
    }),
  });
});
afterEach(cleanup);

describe('the Offboard dialog', () => {
  it('walks an org admin from holdings to a report ending with the pending Console step', async () => {
    render(<OffboardDialog />);
    await act(() => useOffboardingStore.getState().open(person.id));
    const dialog = screen.getByRole('dialog', { name: 'Offboard Bo Boss' });
    expect(dialog.textContent).toMatch(/the last step is in the Console/);
    expect(dialog.textContent).toMatch(/Production: Workspace admin · only workspace admin/);

    fireEvent.click(within(dialog).getByRole('radio', { name: 'Keep' }));
    const review = within(dialog).getByRole('button', { name: 'Review plan' }) as HTMLButtonElement;
    expect(review.disabled).toBe(true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Who inherits prod-backend' }), {
      target: { value: 'ana@acme.example' },
    });
    expect(review.disabled).toBe(false);
    await act(async () => fireEvent.click(review));
    expect(fake.calls.filter((c) => c.channel === 'clade:offboarding/preview').at(-1)!.request).toEqual({
      userId: person.id,
      keep: [{ keyId: 'apikey_01', inheritor: 'ana@acme.example' }],
    });
    const plan = within(dialog).getByRole('list', { name: 'Offboarding plan' });
    expect(plan.textContent).toMatch(/Keep key 'prod-backend'.*inherited by ana@acme\.example/);

    const offboard = within(dialog).getByRole('button', { name: 'Offboard' }) as HTMLButtonElement;
    expect(offboard.disabled).toBe(true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Type “boss@acme\.example” to confirm/ }), {
      target: { value: 'boss@acme.example' },
    });
    await act(async () => fireEvent.click(offboard));
    expect(fake.calls.find((c) => c.channel === 'clade:offboarding/run')!.request).toEqual({
      userId: person.id,
      keep: [{ keyId: 'apikey_01', inheritor: 'ana@acme.example' }],
      confirmation: { token: 'token-keep', typed: 'boss@acme.example' },
    });
    const report = within(dialog).getByRole('list', { name: 'Offboarding report' });
    expect(report.textContent).toMatch(/Pending \(Console\)Remove boss@acme\.example in the Console/);
    expect(report.textContent).toContain('Settings → Members: remove boss@acme.example (admin)');
    expect(within(dialog).getAllByRole('status').at(-1)!.textContent).toMatch(/One step remains, in the Console/);
  });

  it('opens a stopped run on its stored plan; "Abandon this run" closes it and plans afresh', async () => {
    let abandoned = false;
    installFakeApi({
      'clade:offboarding/preview': () => ({
        ...preview(false),
        ...(abandoned
          ? {}
          : {
              plan: {
                userId: person.id,
                steps: steps(false, (k) => (k === 'key.deactivate' ? 'failed' : 'planned')),
                warnings: [],
              },
              resumes: { runId: 7, startedAtMs: 1, finishedAtMs: null, status: 'running' as const },
            }),
      }),
      'clade:offboarding/abandon': () => {
        abandoned = true;
        return true;
      },
    });
    render(<OffboardDialog />);
    await act(() => useOffboardingStore.getState().open(person.id));
    const dialog = screen.getByRole('dialog', { name: 'Offboard Bo Boss' });
    expect(within(dialog).getByRole('list', { name: 'Offboarding plan' }).textContent).toMatch(/^Failed/);
    expect(within(dialog).getByRole('button', { name: 'Continue offboarding' })).toBeTruthy();
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Abandon this run' })));
    expect(abandoned).toBe(true);
    expect(within(dialog).getByRole('button', { name: 'Review plan' })).toBeTruthy();
    expect(within(dialog).getByRole('radio', { name: 'Deactivate' })).toBeTruthy();
  });
});
