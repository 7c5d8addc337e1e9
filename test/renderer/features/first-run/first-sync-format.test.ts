/** The first-sync panel's words: time left, resource names, and which views are usable from the finished resources. */
import { describe, expect, it } from 'vitest';
import { formatTimeLeft, resourceLabel, usableViews } from '../../../../renderer/features/first-run/first-sync-format';
import { RESOURCE_POLICIES } from '../../../../main/core/sync/resources';

describe('first sync words', () => {
  it.each([
    [null, 'estimating the time left…'],
    [undefined, 'estimating the time left…'],
    [0, 'less than a minute left'],
    [59_000, 'less than a minute left'],
    [150_000, 'about 3 min left'],
    [3 * 3_600_000 + 25 * 60_000, 'about 3 h 25 min left'],
  ])('%s ms → %s', (eta, words) => {
    expect(formatTimeLeft(eta)).toBe(words);
  });

  it('names every resource the sync plans in words (no raw identifiers on screen)', () => {
    for (const { resource } of RESOURCE_POLICIES) expect(resourceLabel(resource)).not.toMatch(/_/);
  });

  it('offers a view once every resource it is built on is in', () => {
    expect(usableViews(['organization', 'users'])).toEqual([]);
    expect(usableViews(['organization', 'users', 'invites'])).toEqual([{ view: 'people', label: 'People' }]);
    expect(
      usableViews(['users', 'invites', 'workspaces', 'api_keys', 'workspace_members', 'usage_daily', 'cost_daily']).map(
        (v) => v.view,
      ),
    ).toEqual(['people', 'keys', 'tree', 'spend']);
  });
});
