import { describe, expect, it } from 'vitest';
import { ENTITY_SPECS } from '../../../../main/core/sync/entities';
import { changedFields } from '../../../../main/core/sync/diff';

const base = { id: 'apikey_1', type: 'api_key', name: 'k', status: 'active', created_at: '2026-01-01T00:00:00Z' };

describe('API-key rows (admin-api.md §3.6)', () => {
  it('current shape: the workspace comes from scope, the principal and creator are kept', () => {
    const row = ENTITY_SPECS.api_keys.toRow({
      ...base,
      expires_at: '2027-01-01T00:00:00Z',
      partial_key_hint: 'sk-ant-api03-R2D...igAA',
      created_by: { id: 'user_1', type: 'user' },
      principal: { type: 'service_account_actor', service_account_id: 'svac_1' },
      scope: { type: 'workspace', workspace_id: 'wrkspc_1' },
    });
    expect(row).toMatchObject({
      workspace_id: 'wrkspc_1',
      scope_type: 'workspace',
      principal_type: 'service_account_actor',
      principal_id: 'svac_1',
      created_by_id: 'user_1',
      has_legacy_workspace_id: 0,
      expires_at_ms: Date.parse('2027-01-01T00:00:00Z'),
    });
  });

  it('legacy shape: top-level workspace_id, null meaning the default workspace', () => {
    expect(ENTITY_SPECS.api_keys.toRow({ ...base, workspace_id: null })).toMatchObject({
      workspace_id: null,
      has_legacy_workspace_id: 1,
      scope_type: null,
    });
    expect(ENTITY_SPECS.api_keys.toRow({ ...base, workspace_id: 'wrkspc_2' })).toMatchObject({
      workspace_id: 'wrkspc_2',
      legacy_workspace_id: 'wrkspc_2',
    });
  });

  it('organization scope has no workspace', () => {
    expect(
      ENTITY_SPECS.api_keys.toRow({
        ...base,
        scope: { type: 'organization' },
        principal: { type: 'user_actor', user_id: 'user_1' },
      }),
    ).toMatchObject({
      workspace_id: null,
      scope_type: 'organization',
    });
  });

  it('writes integers beyond 2^53 (huge nanocent amounts) as exact decimal strings', () => {
    expect(changedFields({ id: 'a', m: 2n ** 60n }, { id: 'a', m: 2n ** 60n + 1n }, ['id'])).toEqual({
      m: { before: '1152921504606846976', after: '1152921504606846977' },
    });
  });
});

describe('changedFields', () => {
  it('never journals our own bookkeeping of a stored row (first/last seen, the pass that saw it), only API facts', () => {
    const fresh = ENTITY_SPECS.users.toRow({
      id: 'user_1',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      role: 'developer',
      added_at: '2026-01-01T00:00:00Z',
    });
    const stored = { ...fresh, first_seen_at_ms: 1n, last_seen_at_ms: 2n, seen_pass: 7n };
    expect(changedFields(stored, fresh, ['id'])).toEqual({});
    expect(Object.keys(fresh).filter((column) => /seen|pass/.test(column))).toEqual([]);
  });

  it('compares SQLite BigInts with fresh numbers by value and reports before → after', () => {
    expect(changedFields({ id: 'a', n: 5n, s: 'x' }, { id: 'a', n: 5, s: 'x' }, ['id'])).toEqual({});
    expect(changedFields({ id: 'a', n: 5n, s: 'x', z: null }, { id: 'a', n: 6, s: 'x', z: 'now' }, ['id'])).toEqual({
      n: { before: 5, after: 6 },
      z: { before: null, after: 'now' },
    });
  });
});
