/**
 * An invite alert opens People › Invites: from a pending invite in the mirror, through the app's alert cycle and
 * the Electron notifier (on the double), to the navigation the click asks for; the People view opens its Invites
 * tab for an invite id (renderer/features/people/PeopleView.tsx keys on the `invite_` prefix the API gives).
 */
import { describe, expect, it } from 'vitest';
import { createElectronNotifier } from '../../../../main/app/notifier';
import { createWindowNavigator } from '../../../../main/app/tray/tray-navigation';
import { runAppAlertCycle } from '../../../../main/services/alerts/alert-cycle';
import type { Navigate } from '../../../../preload/contract';
import { createTrayElectronDouble } from '../../../helpers/electron-double-tray';
import { DAY_MS, memoryMirror, syncSnapshot } from '../../db/alerts/seed-mirror';

const NOW = Date.parse('2026-12-07T10:00:00Z');

describe('the invite notification', () => {
  it('clicking it opens the window on People with the invite as target', () => {
    const db = memoryMirror();
    const invitedAt = NOW - 19 * DAY_MS; // two days before its 21-day expiry
    syncSnapshot(db, NOW - 60_000, {
      invites: [
        {
          id: 'invite_015gWxCN9Hfg2QhZwTK7Mdeu',
          email: 'new.analyst@example.com',
          role: 'user',
          status: 'pending',
          invited_at: new Date(invitedAt).toISOString(),
          expires_at: new Date(invitedAt + 21 * DAY_MS).toISOString(),
        },
      ],
    });
    const electron = createTrayElectronDouble();
    const pushed: Navigate[] = [];
    let windowOpen = true;
    const navigator = createWindowNavigator({ showWindow: () => windowOpen, push: (to) => pushed.push(to) });
    const notifier = createElectronNotifier(electron, { openView: navigator.navigate });
    runAppAlertCycle({ db, nowMs: NOW, timeZone: 'UTC', notifier });

    const invite = electron.notifications.find((n) =>
      /Invite for new\.analyst@example\.com/.test(n.options.title ?? ''),
    );
    expect(invite, JSON.stringify(electron.notifications.map((n) => n.options.title))).toBeDefined();
    invite!.click();
    expect(pushed).toEqual([{ view: 'people', target: 'invite_015gWxCN9Hfg2QhZwTK7Mdeu' }]);

    // With no window open, the request waits for the new window to take it.
    windowOpen = false;
    invite!.click();
    expect(navigator.takePending()).toEqual({ view: 'people', target: 'invite_015gWxCN9Hfg2QhZwTK7Mdeu' });
  });
});
