import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS, csvCell, csvHeader } from '../../../../main/core/audit/export-format';

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    [' padded', '" padded"'],
    [42, '42'],
    [null, ''],
  ] as const)('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('the header names every column once', () => {
    expect(csvHeader()).toBe(`${AUDIT_CSV_COLUMNS.join(',')}\r\n`);
    expect(new Set(AUDIT_CSV_COLUMNS).size).toBe(AUDIT_CSV_COLUMNS.length);
  });
});

describe('formula defusing (the shared rule: test/main/core/text/spreadsheet-cell.test.ts)', () => {
  it('is on by default and off with raw', () => {
    expect(csvCell('-2+3+cmd@evil.example')).toBe("'-2+3+cmd@evil.example");
    expect(csvCell('-2+3+cmd@evil.example', { raw: true })).toBe('-2+3+cmd@evil.example');
    expect(csvCell(-12.5)).toBe('-12.5');
  });
});
