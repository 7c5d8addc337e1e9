import { describe, expect, it } from 'vitest';
import {
  bucketText,
  centsToDollars,
  csvCell,
  csvFileName,
  usageToCsv,
} from '../../../../renderer/features/spend/spend-csv';
import { usageAnswer } from './spend-fixture';

describe('centsToDollars', () => {
  it.each([
    ['0', '0'],
    ['5', '0.05'],
    ['250', '2.5'],
    ['123456.789', '1234.56789'],
    ['100000000000000000001', '1000000000000000000.01'],
    ['-1.5', '-0.015'],
  ])('%s cents → %s dollars', (cents, dollars) => {
    expect(centsToDollars(cents)).toBe(dollars);
  });
});

describe('csvCell', () => {
  it('quotes commas and quotes, and defuses formulas but not negative numbers', () => {
    expect(csvCell('Research, EU')).toBe('"Research, EU"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-12.5')).toBe('-12.5');
  });
});

describe('usageToCsv', () => {
  it('writes one row per bucket and group with something in it, exact dollars, billed where it exists', () => {
    const csv = usageToCsv(
      usageAnswer({ range: { kind: 'preset', preset: '7d' }, bucket: 'day', groupBy: 'workspace', metric: 'cost' }),
    );
    expect(csv.split('\r\n')).toEqual([
      'day,workspace,workspace id,all tokens,estimate (USD),billed (USD)',
      '2026-11-19,Production,wrkspc_01PROD,1000000,10.005,10.005',
      '2026-11-20,Production,wrkspc_01PROD,500000,2.5,2.6',
      '2026-11-20,Default Workspace,default,2000,0.00000125,0',
      '',
    ]);
  });

  it('has no billed column where only an estimate exists, and names the token metric', () => {
    const csv = usageToCsv(
      usageAnswer({ range: { kind: 'preset', preset: '7d' }, bucket: 'day', groupBy: 'key', metric: 'output' }),
    );
    expect(csv.split('\r\n')[0]).toBe('day,key,key id,output tokens,estimate (USD)');
  });

  it('writes hours in UTC and names the file after what is shown', () => {
    expect(bucketText(Date.UTC(2026, 10, 21, 14), 'hour')).toBe('2026-11-21T14:00Z');
    const data = usageAnswer({
      range: { kind: 'preset', preset: '24h' },
      bucket: 'hour',
      groupBy: 'model',
      metric: 'tokens',
    });
    expect(csvFileName(data, '24h')).toBe('clade-admin-spend-model-24h-hourly.csv');
  });
});
