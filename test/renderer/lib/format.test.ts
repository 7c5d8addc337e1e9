import { describe, expect, it } from 'vitest';
import { formatAge, formatFreshness, formatRole } from '../../../renderer/lib/format';

const now = Date.UTC(2026, 10, 23, 12, 0);

describe('formatAge', () => {
  it('speaks in minutes, hours and days', () => {
    expect(formatAge(now - 10_000, now)).toBe('just now');
    expect(formatAge(now - 3 * 60_000, now)).toBe('3 min ago');
    expect(formatAge(now - 5 * 3_600_000, now)).toBe('5 h ago');
    expect(formatAge(now - 86_400_000, now)).toBe('1 day ago');
    expect(formatAge(now - 3 * 86_400_000, now)).toBe('3 days ago');
  });
});

describe('formatFreshness', () => {
  it('says "as of <time>, <age>" and "never synced"', () => {
    expect(formatFreshness(now - 3 * 60_000, now)).toMatch(/^as of .+, 3 min ago$/);
    expect(formatFreshness(null, now)).toBe('never synced');
  });
});

describe('formatRole', () => {
  it('names known roles and de-underscores unknown ones', () => {
    expect(formatRole('workspace_admin')).toBe('Workspace admin');
    expect(formatRole('workspace_new_thing')).toBe('workspace new thing');
  });
});
