import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS, csvCell, csvHeader, defuseFormula } from '../../../../main/core/audit/export-format';

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

describe('spreadsheet-safe CSV', () => {
  it.each([
    ['=HYPERLINK("http://x.test","click")', `'=HYPERLINK("http://x.test","click")`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['Workspace “Research” appeared', 'Workspace “Research” appeared'],
  ])('%j → %j', (text, expected) => {
    expect(defuseFormula(text)).toBe(expected);
  });
});
