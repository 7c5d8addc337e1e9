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
  const packed: PackedRows = { count: rows.length, columns: names.map((name, c) => packColumn(valuesOf, c, name)) };
  return { packed, transfer: transferListOf(packed) };
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
  /** Writes from `out[offset]` on (several rows can share one array, for a statement that inserts several). */
  fill(columns: readonly string[], index: number, out: unknown[], offset?: number): void;
}

export function rowsBatch(rows: readonly Row[]): RowBatch {
  return {
    count: rows.length,
    fill(columns, index, out, offset = 0) {
      const row = rows[index]!;
      for (let c = 0; c < columns.length; c++) out[offset + c] = row[columns[c]!] ?? null;
    },
  };
}

export function packedBatch(packed: PackedRows): RowBatch {
  const byName = new Map(packed.columns.map((c) => [c.name, c]));
  let lastColumns: readonly string[] | null = null;
  let picked: Array<Column | undefined> = [];
  return {
    count: packed.count,
    fill(columns, index, out, offset = 0) {
      if (columns !== lastColumns) {
        lastColumns = columns;
        picked = columns.map((name) => byName.get(name));
      }
      for (let c = 0; c < picked.length; c++) {
        const column = picked[c];
        if (!column) out[offset + c] = null;
        else if (column.type === 'number') out[offset + c] = column.nulls?.[index] ? null : column.values[index]!;
        else if (column.type === 'string') {
          const at = column.indexes[index]!;
          out[offset + c] = at < 0 ? null : column.strings[at]!;
        } else out[offset + c] = column.values[index] ?? null;
      }
    },
  };
}

/** The buffers of packed rows, to move (not copy) with them in postMessage. */
export function transferListOf(packed: PackedRows): ArrayBuffer[] {
  const transfer: ArrayBuffer[] = [];
  for (const c of packed.columns) {
    if (c.type === 'number') {
      transfer.push(c.values.buffer as ArrayBuffer);
      if (c.nulls) transfer.push(c.nulls.buffer as ArrayBuffer);
    } else if (c.type === 'string') transfer.push(c.indexes.buffer as ArrayBuffer);
  }
  return transfer;
}

export type ColumnType = 'number' | 'string' | 'plain';

/**
 * Builds packed rows a row at a time, straight into their columns: the report converters use it so that a page of
 * thousands of rows makes no row object at all. Columns are declared up front; a row's fields are set by column
 * number; numbers may be added to (two results of one group in a bucket are summed).
 */
export class PackedRowsBuilder {
  private count = 0;
  private readonly numbers: Float64Array[] = [];
  private readonly indexes: Int32Array[] = [];
  private readonly strings: string[][] = [];
  private readonly seen: Array<Map<string, number>> = [];
  private readonly plain: Scalar[][] = [];
  private readonly nulls: Array<Uint8Array | undefined> = [];

  constructor(
    private readonly names: readonly string[],
    private readonly types: readonly ColumnType[],
    capacity: number,
  ) {
    for (let c = 0; c < names.length; c++) {
      this.numbers.push(types[c] === 'number' ? new Float64Array(capacity) : new Float64Array(0));
      this.indexes.push(types[c] === 'string' ? new Int32Array(capacity) : new Int32Array(0));
      this.strings.push([]);
      this.seen.push(new Map());
      this.plain.push([]);
    }
  }

  /** A new row (every field to be set); answers its index. */
  addRow(): number {
    return this.count++;
  }

  /** A null (or anything not a number, which validation should have refused) is kept null, never made a 0. */
  setNumber(column: number, row: number, value: number | null | undefined): void {
    if (typeof value === 'number') {
      this.numbers[column]![row] = value;
      return;
    }
    (this.nulls[column] ??= new Uint8Array(this.numbers[column]!.length))[row] = 1;
  }

  /** Adds to a number (a null one counts as 0, as a sum of a group's results does). */
  addToNumber(column: number, row: number, value: number): void {
    const values = this.numbers[column]!;
    const nulls = this.nulls[column];
    if (nulls?.[row]) {
      nulls[row] = 0;
      values[row] = 0;
    }
    values[row] = values[row]! + value;
  }

  setString(column: number, row: number, value: string | null): void {
    this.indexes[column]![row] = this.intern(column, value);
  }

  /** Where `value` sits in the column's table of distinct strings (added the first time it is seen); null is -1. */
  intern(column: number, value: string | null): number {
    if (value === null) return -1;
    const seen = this.seen[column]!;
    let index = seen.get(value);
    if (index === undefined) {
      index = this.strings[column]!.length;
      this.strings[column]!.push(value);
      seen.set(value, index);
    }
    return index;
  }

  /** Sets a string field by its place in the column's table (`intern`'s answer). */
  setInterned(column: number, row: number, index: number): void {
    this.indexes[column]![row] = index;
  }

  setPlain(column: number, row: number, value: Scalar): void {
    this.plain[column]![row] = value;
  }

  getPlain(column: number, row: number): Scalar {
    return this.plain[column]![row] ?? null;
  }

  finish(): PackedRows {
    const columns: Column[] = this.names.map((name, c): Column => {
      const type = this.types[c]!;
      if (type === 'number') {
        const nulls = this.nulls[c]?.slice(0, this.count) ?? null;
        return { name, type, values: this.numbers[c]!.slice(0, this.count), nulls };
      }
      if (type === 'string')
        return { name, type, indexes: this.indexes[c]!.slice(0, this.count), strings: this.strings[c]! };
      return { name, type, values: this.plain[c]!.slice(0, this.count) };
    });
    return { count: this.count, columns };
  }
}
