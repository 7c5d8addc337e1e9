/**
 * The file-problem banner with main answered by the contract's fake: main's words on every view, the move offered
 * only where moving helps, a refusal shown as main gives it, and a new check whenever a sync ends.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { StorageProblemBanner } from '../../../../renderer/features/shell/StorageProblemBanner';
import { useStorageStore } from '../../../../renderer/stores/useStorageStore';
import type { StorageProblemView } from '../../../../preload/contract';
import { installFakeApi } from '../../fake-api';

const FILE = '/home/ada/.config/clade-admin/profiles/demo/mirror.sqlite';
const damaged: StorageProblemView = {
  problem: 'corrupt',
  path: FILE,
  message: `the local mirror ${FILE} is damaged and cannot be read (SQLite: malformed). It was left untouched.`,
  canMoveAside: true,
};
const tooNew: StorageProblemView = {
  problem: 'too-new',
  path: FILE,
  message: `the local mirror ${FILE} was written by a newer version of Clade Admin (schema 999999).`,
  canMoveAside: false,
};

beforeEach(() => useStorageStore.setState({ problem: null, phase: 'idle', movedTo: null, error: null }));
afterEach(cleanup);

describe('StorageProblemBanner', () => {
  it('offers no move for a problem moving would not fix', async () => {
    installFakeApi({ 'clade:mirror/problem': () => tooNew });
    render(<StorageProblemBanner onMoved={vi.fn()} />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe(
      'The local mirror is from a newer version of Clade Admin',
    );
    expect(alert.textContent).toContain(`The local mirror ${FILE} was written by a newer version`);
    expect(within(alert).queryByRole('button')).toBeNull();
  });

  it("shows main's refusal in the dialog, keeps the banner, and does not refresh the views", async () => {
    installFakeApi({
      'clade:mirror/problem': () => damaged,
      'clade:mirror/move-aside': () => ({
        ok: false,
        error: {
          code: 'unavailable',
          message: `The mirror ${FILE} was not moved: it opens and SQLite finds it sound.`,
        },
      }),
    });
    const onMoved = vi.fn();
    render(<StorageProblemBanner onMoved={onMoved} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Move aside and resync' }));
    const dialog = screen.getByRole('dialog', { name: 'Move the mirror aside?' });
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move aside and resync' }));
    const refusal = await within(screen.getByRole('dialog')).findByText(/Not moved: .*finds it sound/);
    expect(screen.getByRole('dialog', { name: 'Mirror not moved' })).toBeTruthy();
    expect(refusal.getAttribute('role')).toBe('alert');
    expect(onMoved).not.toHaveBeenCalled();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('is damaged');
  });

  it('asks main again when a sync ends, so a problem appears and clears without a reload', async () => {
    let problem: StorageProblemView | null = null;
    const fake = installFakeApi({ 'clade:mirror/problem': () => problem });
    render(<StorageProblemBanner onMoved={vi.fn()} />);
    await act(async () => undefined);
    expect(screen.queryByRole('alert')).toBeNull();
    problem = damaged;
    await act(async () =>
      fake.push('clade:sync/progress-changed', { phase: 'failed', resource: null, page: 0, rows: 0 }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain('is damaged');
    problem = null;
    await act(async () =>
      fake.push('clade:sync/progress-changed', { phase: 'done', resource: null, page: 0, rows: 9 }),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
