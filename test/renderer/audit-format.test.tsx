import { describe, expect, it } from 'vitest';
import {
  actorLabel,
  buildAuditQuery,
  changeRows,
  EMPTY_FILTERS,
  formatLocalTime,
  formatUtc,
} from '../../renderer/features/audit/audit-format';
import { gridKeyAction } from '../../renderer/features/audit/grid-keys';

describe('audit view helpers', () => {
  it('folds the filter controls into the query language after the typed text, and ignores half-typed dates', () => {
    expect(buildAuditQuery(EMPTY_FILTERS)).toBe('');
    expect(
      buildAuditQuery({ text: '  actor:ada key ', source: 'compliance', after: '2026-01-01', before: '2026-02-01' }),
    ).toBe('actor:ada key source:compliance after:2026-01-01 before:2026-02-01');
    expect(buildAuditQuery({ text: '', source: 'all', after: '2026-1', before: '' })).toBe('');
  });

  it('shows times in the given zone and the same instant in UTC', () => {
    const ms = Date.UTC(2026, 10, 23, 23, 30, 5);
    expect(formatUtc(ms)).toBe('2026-11-23 23:30:05 UTC');
    expect(formatLocalTime(ms, 'Asia/Tokyo')).toMatch(/24/); // already the next day in Tokyo
    expect(formatLocalTime(ms, 'Asia/Tokyo')).toMatch(/08:30:05/);
  });

  it('lines up before → after field by field, marking only what changed', () => {
    expect(changeRows({ role: 'developer', name: 'Ada' }, { role: 'admin', name: 'Ada' })).toEqual([
      { field: 'name', before: 'Ada', after: 'Ada', changed: false },
      { field: 'role', before: 'developer', after: 'admin', changed: true },
    ]);
    expect(changeRows(null, { limits: [1, 2] })).toEqual([
      { field: 'limits', before: '—', after: '[1,2]', changed: true },
    ]);
    expect(changeRows(15, 30)).toEqual([{ field: 'value', before: '15', after: '30', changed: true }]);
    expect(changeRows(null, null)).toEqual([]);
  });

  it('names an actor by name, then e-mail, then id, then kind', () => {
    expect(actorLabel({ kind: 'user', id: 'user_1', email: 'ada@example.com', name: 'Ada' })).toBe('Ada');
    expect(actorLabel({ kind: 'user', id: 'user_1', email: 'ada@example.com' })).toBe('ada@example.com');
    expect(actorLabel({ kind: 'api_key', id: 'apikey_1' })).toBe('apikey_1');
    expect(actorLabel({ kind: 'scim_directory' })).toBe('scim directory');
    expect(actorLabel(null)).toBe('—');
  });

  it('moves within the loaded rows with the grid keys and opens with Enter or Space', () => {
    expect(gridKeyAction('ArrowDown', 4, 5, 10)).toEqual({ type: 'move', index: 4 });
    expect(gridKeyAction('ArrowUp', 0, 5, 10)).toEqual({ type: 'move', index: 0 });
    expect(gridKeyAction('PageDown', 1, 50, 10)).toEqual({ type: 'move', index: 11 });
    expect(gridKeyAction('PageUp', 3, 50, 10)).toEqual({ type: 'move', index: 0 });
    expect(gridKeyAction('End', 0, 50, 10)).toEqual({ type: 'move', index: 49 });
    expect(gridKeyAction('Home', 30, 50, 10)).toEqual({ type: 'move', index: 0 });
    expect(gridKeyAction('Enter', 2, 5, 10)).toEqual({ type: 'open', index: 2 });
    expect(gridKeyAction(' ', 2, 5, 10)).toEqual({ type: 'open', index: 2 });
    expect(gridKeyAction('a', 2, 5, 10)).toEqual({ type: 'none' });
    expect(gridKeyAction('ArrowDown', 0, 0, 10)).toEqual({ type: 'none' });
  });
});
