import { describe, expect, it } from 'vitest';
import { alignedTable, shortId } from '../../../main/cli/aligned-table';

describe('alignedTable (the read commands’ tables)', () => {
  it('aligns columns by their visible width, numbers to the right', () => {
    const text = alignedTable({
      headers: ['KEY', 'AGE'],
      rows: [
        ['prod', '7 d'],
        ['staging-long', '120 d'],
      ],
      right: [1],
    });
    expect(text).toBe('KEY             AGE\nprod            7 d\nstaging-long  120 d\n');
  });

  it('shows a line feed or an escape sequence in org text escaped, so a name cannot forge a row', () => {
    const text = alignedTable({ headers: ['KEY', 'STATUS'], rows: [['ok\n\u001b[2Kforged  active', 'inactive']] });
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toContain('ok\\u000a\\u001b[2Kforged  active  inactive');
  });

  it('shortens long ids and marks a missing one', () => {
    expect(shortId('wrkspc_01u6FR0nznYHPD3tIAJe4kKd')).toBe('wrkspc_01u6FR0n…');
    expect(shortId('user_1')).toBe('user_1');
    expect(shortId(null)).toBe('—');
  });
});
