import { describe, expect, it } from 'vitest';
import { productionWorkspaceKeys } from '../../../../../main/core/alerts/evaluators/production';
import { evaluateProductionKeyChanges } from '../../../../../main/core/alerts/evaluators/production-key-changes';
import { defaultAlertRules } from '../../../../../main/core/alerts/rules';
import type { AlertJournalEvent, AlertWorkspace } from '../../../../../main/core/alerts/types';
import { at, DEFAULT_WS, inputs, key, PROD, RESEARCH, STAGING } from '../fixtures';

const NOW = at('2026-11-23T10:00:00Z');
const DAY = 86_400_000;
const rules = defaultAlertRules('UTC');

const ws = (
  id: string,
  name: string,
  tags: Record<string, string> = {},
  archivedAtMs: number | null = null,
): AlertWorkspace => ({ id, name, tags, archivedAtMs });

describe('productionWorkspaceKeys', () => {
  it.each([
    [ws('wrkspc_1', 'Production'), true],
    [ws('wrkspc_2', 'prod-eu'), true],
    [ws('wrkspc_3', 'api_prod'), true],
    [ws('wrkspc_4', 'Product Research'), false],
    [ws('wrkspc_5', 'Reproduction lab'), false],
    [ws('wrkspc_6', 'Checkout', { env: 'production' }), true],
    [ws('wrkspc_7', 'Checkout', { prod: 'true' }), true],
    [ws('wrkspc_8', 'Production', {}, NOW - DAY), false], // archived
  ])('%o is production: %s', (workspace, expected) => {
    expect(productionWorkspaceKeys(inputs({ workspaces: [workspace] }), rules).has(workspace.id!)).toBe(expected);
  });

  it('adds workspaces listed by id, the default workspace as "default"', () => {
    const listed = defaultAlertRules();
    listed.production.workspaceIds = ['default'];
    listed.production.matchNames = false;
    listed.production.matchTags = false;
    expect([...productionWorkspaceKeys(inputs({ workspaces: [DEFAULT_WS, PROD] }), listed)]).toEqual(['default']);
  });
});

describe('evaluateProductionKeyChanges', () => {
  it('flags a key created in production within recentChangeDays, not in staging or research', () => {
    const data = inputs({
      keys: [
        key({ id: 'apikey_01New', name: 'checkout-v2', workspaceId: PROD.id, createdAtMs: NOW - DAY }),
        key({ id: 'apikey_01Stg', name: 'staging-new', workspaceId: STAGING.id, createdAtMs: NOW - DAY }),
        key({ id: 'apikey_01Res', name: 'research-new', workspaceId: RESEARCH.id, createdAtMs: NOW - DAY }),
        key({ id: 'apikey_01Old', name: 'checkout-v1', workspaceId: PROD.id, createdAtMs: NOW - 8 * DAY }),
      ],
    });
    const conditions = evaluateProductionKeyChanges(data, rules, NOW);
    expect(conditions).toHaveLength(1);
    expect(conditions[0]).toMatchObject({
      id: 'prod-key:created:apikey_01New',
      rule: 'production-key-change',
      severity: 'warning',
      title: 'Key "checkout-v2" created in Production',
      body: 'A key was created in the production workspace Production Sun, 22 Nov 2026, 10:00 (UTC). If you did not expect it, deactivate it.',
    });
  });

  it('flags a re-activation from the journal while the key stays active', () => {
    const reactivated: AlertJournalEvent = {
      atMs: NOW - 2 * 3_600_000,
      kind: 'api_keys.changed',
      targetId: 'apikey_01Back',
      before: { status: 'inactive' },
      after: { status: 'active' },
    };
    const back = key({ id: 'apikey_01Back', name: 'legacy', workspaceId: PROD.id, createdAtMs: NOW - 300 * DAY });
    const conditions = evaluateProductionKeyChanges(inputs({ keys: [back], journal: [reactivated] }), rules, NOW);
    expect(conditions.map((c) => c.id)).toEqual([`prod-key:reactivated:apikey_01Back:${NOW - 2 * 3_600_000}`]);
    expect(conditions[0]?.title).toBe('Key "legacy" re-activated in Production');
    const deactivatedAgain = inputs({ keys: [{ ...back, status: 'inactive' }], journal: [reactivated] });
    expect(evaluateProductionKeyChanges(deactivatedAgain, rules, NOW)).toEqual([]);
  });
});
