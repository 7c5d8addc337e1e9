import { describe, expect, it } from 'vitest';
import type { Row } from '../../../../main/core/sync/entities';
import { packedBatch, packRows, rowsBatch, unpackRows } from '../../../../main/core/sync/row-columns';

/** Rows shaped like the report converters' (report-rows.ts), with the awkward cases a page can hold. */
const rows: Row[] = [
  {
    bucket_start_ms: 1_767_225_600_000,
    group_key: '["wrkspc_1","claude-opus-4-5"]',
    model: 'claude-opus-4-5',
    tokens: 0,
  },
  { bucket_start_ms: 1_767_225_600_000, group_key: '[null,"claude-haiku-4-5"]', model: null, tokens: -0 },
  { bucket_start_ms: 1_767_229_200_000, group_key: '["wrkspc_é","m"]', model: 'claude-opus-4-5', tokens: 2 ** 53 - 1 },
];

describe('rows packed as columns for the write worker', () => {
  it('come back value for value: numbers, nulls, repeated and non-ASCII strings', () => {
    const { packed } = packRows(rows);
    expect(unpackRows(packed)).toEqual(rows);
    expect(Object.is(unpackRows(packed)[1]!['tokens'], -0)).toBe(true);
  });

  it('moves numbers and string indexes as buffers, and keeps each distinct string once', () => {
    const { packed, transfer } = packRows(rows);
    const model = packed.columns.find((c) => c.name === 'model')!;
    expect(model.type).toBe('string');
    expect(model.type === 'string' && model.strings).toEqual(['claude-opus-4-5']);
    expect(transfer.length).toBe(4); // bucket_start_ms, group_key, model, tokens
    expect(transfer.every((b) => b instanceof ArrayBuffer)).toBe(true);
  });

  it('keeps bigints (exact money) and mixed columns as they are', () => {
    const money: Row[] = [
      { amount_nanocents: 12_345_678_901_234_567_890n, note: 'a' },
      { amount_nanocents: null, note: 7 },
    ];
    expect(unpackRows(packRows(money).packed)).toEqual(money);
  });

  it('reads rows with other keys, or the same keys in another order, by name', () => {
    const odd: Row[] = [{ a: 1, b: 'x' }, { b: 'y', a: 2 }, { a: 3, b: 'z', c: 'extra' }, { a: 4 }];
    expect(unpackRows(packRows(odd).packed)).toEqual([
      { a: 1, b: 'x', c: null },
      { a: 2, b: 'y', c: null },
      { a: 3, b: 'z', c: 'extra' },
      { a: 4, b: null, c: null },
    ]);
  });

  it('binds the same values from packed columns as from row objects, for any column list', () => {
    const { packed } = packRows(rows);
    const columns = ['tokens', 'missing', 'group_key', 'bucket_start_ms', 'model'];
    for (let i = 0; i < rows.length; i++) {
      const fromRows: unknown[] = [];
      const fromPacked: unknown[] = [];
      rowsBatch(rows).fill(columns, i, fromRows);
      packedBatch(packed).fill(columns, i, fromPacked);
      expect(fromPacked).toEqual(fromRows);
    }
  });

  it('packs an empty page', () => {
    const { packed, transfer } = packRows([]);
    expect(packed).toEqual({ count: 0, columns: [] });
    expect(transfer).toEqual([]);
  });
});
