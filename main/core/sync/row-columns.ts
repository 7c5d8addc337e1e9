/**
 * Rows packed as columns for the trip to the sync's write worker. Structured-cloning a page of row objects costs
 * about as much as writing it (measured: 6 s per 1.9 M usage rows, both sides together); packed, numbers travel as
 * one Float64Array per column and strings as indexes into the page's own table of distinct values, moved without a
 * copy. What comes out of `unpackRows` equals what went in, value for value (row-columns.test.ts).
 */
import type { Row, Scalar } from './entities';

type Column =
  | { name: string; type: 'number'; values: Float64Array; nulls: Uint8Array | null }
  | { name: string; type: 'string'; indexes: Int32Array; strings: string[] }
  /** Anything else (bigint, a column of mixed types): as it is. */
  | { name: string; type: 'plain'; values: Scalar[] };

export interface PackedRows {
  count: number;
  columns: Column[];
}

/** The packed rows and the buffers to move (not copy) with them (postMessage's transfer list). */
export function packRows(rows: readonly Row[]): { packed: PackedRows; transfer: ArrayBuffer[] } {
  // Rows from one converter share their keys in one order: their values then come out of Object.values in column
  // order, far cheaper than reading each field by a name that changes from column to column. A row with other keys
  // (or the same keys in another order) is read by name once every column is known.
  const first = rows[0];
  const names = first ? Object.keys(first) : [];
  const known = new Set(names);
  const valuesOf: Array<readonly unknown[]> = new Array(rows.length);
  const byName: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const keys = Object.keys(row);
    if (keys.length === names.length && keys.every((key, k) => key === names[k])) {
      valuesOf[i] = Object.values(row);
      continue;
    }
    byName.push(i);
    for (const key of keys) {
      if (!known.has(key)) {
        known.add(key);
        names.push(key);
      }
    }
  }
  for (const i of byName) valuesOf[i] = names.map((name) => rows[i]![name]);
  const columns = names.map((name, c) => packColumn(valuesOf, c, name));
  const transfer: ArrayBuffer[] = [];
  for (const c of columns) {
    if (c.type === 'number') {
      transfer.push(c.values.buffer as ArrayBuffer);
      if (c.nulls) transfer.push(c.nulls.buffer as ArrayBuffer);
    } else if (c.type === 'string') transfer.push(c.indexes.buffer as ArrayBuffer);
  }
  return { packed: { count: rows.length, columns }, transfer };
}

export function unpackRows(packed: PackedRows): Row[] {
  const rows: Row[] = new Array(packed.count);
  for (let i = 0; i < packed.count; i++) rows[i] = {};
  for (const c of packed.columns) {
    const { name } = c;
    if (c.type === 'number') {
      for (let i = 0; i < packed.count; i++) rows[i]![name] = c.nulls?.[i] ? null : c.values[i]!;
    } else if (c.type === 'string') {
      for (let i = 0; i < packed.count; i++) {
        const index = c.indexes[i]!;
        rows[i]![name] = index < 0 ? null : c.strings[index]!;
      }
    } else {
      for (let i = 0; i < packed.count; i++) rows[i]![name] = c.values[i]!;
    }
  }
  return rows;
}

function packColumn(valuesOf: ReadonlyArray<readonly unknown[]>, c: number, name: string): Column {
  const count = valuesOf.length;
  let numbers = 0;
  let strings = 0;
  let nulls = 0;
  for (let i = 0; i < count; i++) {
    const value = valuesOf[i]![c];
    if (value === null || value === undefined) nulls++;
    else if (typeof value === 'number') numbers++;
    else if (typeof value === 'string') strings++;
  }
  if (numbers + nulls === count) {
    const values = new Float64Array(count);
    const nullMask = nulls > 0 ? new Uint8Array(count) : null;
    for (let i = 0; i < count; i++) {
      const value = valuesOf[i]![c];
      if (typeof value === 'number') values[i] = value;
      else nullMask![i] = 1;
    }
    return { name, type: 'number', values, nulls: nullMask };
  }
  if (strings + nulls === count) {
    const indexes = new Int32Array(count);
    const table: string[] = [];
    const seen = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const value = valuesOf[i]![c] as string | null | undefined;
      if (value == null) {
        indexes[i] = -1;
        continue;
      }
      let index = seen.get(value);
      if (index === undefined) {
        index = table.length;
        table.push(value);
        seen.set(value, index);
      }
      indexes[i] = index;
    }
    return { name, type: 'string', indexes, strings: table };
  }
  const values: Scalar[] = new Array(count);
  for (let i = 0; i < count; i++) values[i] = (valuesOf[i]![c] ?? null) as Scalar;
  return { name, type: 'plain', values };
}

/**
 * Rows as a writer reads them: the values of the named columns of row `index`, in order, into `out` (absent: null).
 * Lets the write worker bind packed rows straight from their columns, without making a row object of each.
 */
export interface RowBatch {
  readonly count: number;
  fill(columns: readonly string[], index: number, out: unknown[]): void;
}

export function rowsBatch(rows: readonly Row[]): RowBatch {
  return {
    count: rows.length,
    fill(columns, index, out) {
      const row = rows[index]!;
      for (let c = 0; c < columns.length; c++) out[c] = row[columns[c]!] ?? null;
    },
  };
}

export function packedBatch(packed: PackedRows): RowBatch {
  const byName = new Map(packed.columns.map((c) => [c.name, c]));
  let lastColumns: readonly string[] | null = null;
  let picked: Array<Column | undefined> = [];
  return {
    count: packed.count,
    fill(columns, index, out) {
      if (columns !== lastColumns) {
        lastColumns = columns;
        picked = columns.map((name) => byName.get(name));
      }
      for (let c = 0; c < picked.length; c++) {
        const column = picked[c];
        if (!column) out[c] = null;
        else if (column.type === 'number') out[c] = column.nulls?.[index] ? null : column.values[index]!;
        else if (column.type === 'string') {
          const at = column.indexes[index]!;
          out[c] = at < 0 ? null : column.strings[at]!;
        } else out[c] = column.values[index] ?? null;
      }
    },
  };
}
