import { beforeEach, describe, expect, it } from 'vitest';
import { createElectronNotifier, MAX_INDIVIDUAL_NOTIFICATIONS, planNotifications } from '../../../main/app/notifier';
import type { Digest, Episode } from '../../../main/core/alerts/index';
import type { Navigate } from '../../../preload/contract';
import { createTrayElectronDouble, type TrayElectronDouble } from '../../helpers/electron-double-tray';

const NOW = Date.parse('2026-11-23T10:00:00Z');

function episode(id: string, severity: Episode['severity'], fields: Partial<Episode> = {}): Episode {
  return {
    id: `${id}@${NOW}`,
    conditionId: id,
    rule: 'key-expiry',
    severity,
    targetKind: 'key',
    targetId: `apikey_${id}`,
    targetName: `key-${id}`,
    title: `Key "key-${id}" expires in 6 days`,
    body: `The key in Production expires Sun, 29 Nov 2026, 16:00 (UTC).`,
    view: { view: 'keys', id: `apikey_${id}` },
    openedAtMs: NOW,
    lastSeenAtMs: NOW,
    closedAtMs: null,
    notifiedAtMs: null,
    heldBy: null,
    heldUntilMs: null,
    ...fields,
  };
}

describe('the Electron notifier', () => {
  let electron: TrayElectronDouble;
  let opened: Array<Navigate | null>;
  beforeEach(() => {
    electron = createTrayElectronDouble();
    opened = [];
  });
  const notifier = () => createElectronNotifier(electron, { openView: (view) => opened.push(view) });

  it('shows one notification per episode, naming the key by name, and clicking opens the window on its view', () => {
    const shown = notifier().notifyEpisodes([episode('a', 'warning')]);
    expect(shown).toEqual([`a@${NOW}`]);
    const [n] = electron.notifications;
    expect(n!.shown).toBe(true);
    expect(n!.options).toEqual({
      title: 'Key "key-a" expires in 6 days',
      body: 'The key in Production expires Sun, 29 Nov 2026, 16:00 (UTC).',
      silent: false,
      urgency: 'normal',
    });
    n!.click();
    expect(opened).toEqual([{ view: 'keys', target: 'apikey_a' }]);
  });

  it('never puts a key into a notification, even one a text carried by mistake', () => {
    const leaky = episode('x', 'critical', {
      title: 'Key sk-ant-api03-TESTabcdefghijklmnopqrstuvwxyz0123456789-AAAA leaked',
      body: 'Admin key sk-ant-admin01-TESTabcdefghijklmnopqrstuvwxyz was used; hint sk-ant-api03-R2D...igAA stays',
    });
    notifier().notifyEpisodes([leaky]);
    const { title, body } = electron.notifications[0]!.options;
    expect(`${title}\n${body}`).not.toMatch(/TESTabcdefgh/);
    expect(title).toBe('Key sk-ant-api03-…[redacted] leaked');
    expect(body).toContain('sk-ant-api03-R2D...igAA');
    expect(electron.notifications[0]!.options.urgency).toBe('critical');
  });

  it('keeps info notifications silent', () => {
    notifier().notifyEpisodes([episode('i', 'info')]);
    expect(electron.notifications[0]!.options).toMatchObject({ silent: true, urgency: 'low' });
  });

  it('clicking a notification opens the window view that shows the episode: spend, keys, People for members and invites, the overview for sync health', () => {
    const episodes = [
      episode('s', 'critical', {
        rule: 'spend-threshold',
        targetKind: 'workspace',
        targetId: 'wrkspc_prod',
        view: { view: 'spend', id: 'wrkspc_prod' },
      }),
      episode('p', 'warning', {
        rule: 'new-privileged-member',
        targetKind: 'user',
        targetId: 'user_1',
        view: { view: 'people', id: 'user_1' },
      }),
      episode('y', 'warning', {
        rule: 'sync-health',
        targetKind: 'sync',
        targetId: 'sync',
        view: { view: 'sync' },
        openedAtMs: NOW + 1,
      }),
    ];
    notifier().notifyEpisodes(episodes);
    for (const notification of electron.notifications) notification.click();
    expect(opened).toEqual([
      { view: 'spend', target: 'wrkspc_prod' },
      { view: 'people', target: 'user_1' },
      { view: 'overview' },
    ]);
  });

  it('folds a burst into the three most severe plus one summary, and reports every episode as shown', () => {
    const burst = [
      episode('i1', 'info'),
      episode('w1', 'warning'),
      episode('c1', 'critical'),
      episode('i2', 'info'),
      episode('w2', 'warning', { openedAtMs: NOW - 1 }),
      episode('i3', 'info'),
    ];
    const plan = planNotifications(burst);
    expect(plan.individual.map((e) => e.conditionId)).toEqual(['c1', 'w2', 'w1']);
    expect(plan.summarized.map((e) => e.conditionId)).toEqual(['i1', 'i2', 'i3']);
    const shown = notifier().notifyEpisodes(burst);
    expect(shown.sort()).toEqual(burst.map((e) => e.id).sort());
    expect(electron.notifications).toHaveLength(MAX_INDIVIDUAL_NOTIFICATIONS + 1);
    const summary = electron.notifications[3]!;
    expect(summary.options).toEqual({
      title: '3 more alerts',
      body: ['Key "key-i1" expires in 6 days', 'Key "key-i2" expires in 6 days', 'Key "key-i3" expires in 6 days'].join(
        '\n',
      ),
      silent: true,
      urgency: 'low',
    });
    summary.click();
    expect(opened).toEqual([{ view: 'alerts' }]);
  });

  it('shows four due episodes one by one rather than a summary of one; seven as three and a summary of four', () => {
    const four = ['a', 'b', 'c', 'd'].map((id) => episode(id, 'warning'));
    expect(planNotifications(four)).toEqual({ individual: four, summarized: [] });
    const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => episode(id, 'warning'));
    notifier().notifyEpisodes(seven);
    expect(electron.notifications).toHaveLength(4);
    expect(electron.notifications.at(-1)!.options).toMatchObject({
      title: '4 more alerts',
      body: ['d', 'e', 'f', 'g'].map((id) => `Key "key-${id}" expires in 6 days`).join('\n'),
      urgency: 'normal',
    });
  });

  it('shows nothing and reports nothing shown where notifications are not supported', () => {
    electron.setNotificationsSupported(false);
    const digest: Digest = {
      localDay: '2026-11-23',
      title: '1 open alert (1 warning)',
      lines: ['[warning] x'],
      body: '[warning] x',
      episodeIds: ['x'],
      counts: { critical: 0, warning: 1, info: 0 },
    };
    const n = notifier();
    expect(n.notifyEpisodes([episode('a', 'warning')])).toEqual([]);
    expect(n.notifyDigest(digest)).toBe(false);
    expect(electron.notifications).toHaveLength(0);
  });

  it('shows the digest quietly, its click opening the window', () => {
    const digest: Digest = {
      localDay: '2026-11-23',
      title: '6 open alerts (1 critical, 5 warning)',
      lines: ['[critical] a', '[warning] b', '[warning] c', '[warning] d', '[warning] e', '[warning] f'],
      body: '',
      episodeIds: [],
      counts: { critical: 1, warning: 5, info: 0 },
    };
    expect(notifier().notifyDigest(digest)).toBe(true);
    const [n] = electron.notifications;
    expect(n!.options).toEqual({
      title: 'Morning digest: 6 open alerts (1 critical, 5 warning)',
      body: '[critical] a\n[warning] b\n[warning] c\n[warning] d\n…and 2 more',
      silent: true,
      urgency: 'low',
    });
    n!.click();
    expect(opened).toEqual([{ view: 'alerts' }]);
  });
});
