/**
 * The tray's reading of the sync's health: a rejected key or an old mirror is "offline"; a usage or cost report that
 * failed is an alert with its own words in the tooltip (the rest of the mirror is still fresh).
 */
import { describe, expect, it } from 'vitest';
import { readTrayView } from '../../../main/app/tray/tray-view';
import { SyncStateRepo } from '../../../main/db/repos/sync-state-repo';
import { memoryMirror, syncSnapshot } from '../db/alerts/seed-mirror';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const moment = { nowMs: NOW, timeZone: 'UTC', syncing: false, canSync: true };
const actions = {
  syncNow: () => undefined,
  pauseAlerts: () => undefined,
  resumeAlerts: () => undefined,
  openWindow: () => undefined,
  quit: () => undefined,
};

function freshMirror() {
  const db = memoryMirror();
  syncSnapshot(db, NOW - 5 * 60_000, { org: { id: 'org_a', name: 'Acme' } });
  const state = new SyncStateRepo(db);
  for (const resource of ['usage_hourly', 'usage_daily', 'cost_daily'] as const)
    state.markResource(resource, 'ok', NOW - 5 * 60_000, null);
  return { db, state };
}

describe('tray view and sync health', () => {
  it('a fresh mirror is idle', () => {
    const { db } = freshMirror();
    expect(readTrayView(db, moment, actions)).toMatchObject({
      state: 'idle',
      tooltip: 'Clade Admin: Acme, synced 5 min ago',
    });
  });

  it('a failed cost report: an alert, and the tooltip says spend is not evaluated', () => {
    const { db, state } = freshMirror();
    state.markResource('cost_daily', 'error', NOW - 60_000, 'server on GET /v1/organizations/cost_report: boom');
    expect(readTrayView(db, moment, actions)).toMatchObject({
      state: 'alert',
      tooltip: 'Clade Admin: Acme, synced 5 min ago, spend not evaluated (a report failed)',
    });
  });

  it('a rejected key: offline, said in the tooltip', () => {
    const { db, state } = freshMirror();
    state.setCredential('invalid', NOW - 60_000, '401');
    expect(readTrayView(db, moment, actions)).toMatchObject({
      state: 'offline',
      tooltip: 'Clade Admin: Acme, synced 5 min ago, admin key rejected',
    });
  });
});
