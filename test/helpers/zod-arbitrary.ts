/**
 * fast-check arbitraries read off the IPC contract's zod schemas, for the IPC fuzz test: `shapedLike(schema)` builds
 * values with the schema's shape (objects with its keys, strings near its lengths or matching its pattern, numbers
 * near its bounds, its enum members), so a good share passes and the rest fail by one detail; `nearMiss(schema)`
 * then breaks one place of such a value (a field replaced by anything, dropped, or an unexpected one added).
 * A schema type this does not know becomes fc.anything(), so a new kind of schema is still fuzzed, only less sharply.
 * No library does this for zod 4 here (zod-fast-check targets zod 3), and the contract uses only a dozen types.
 */
import fc from 'fast-check';
import type { z } from 'zod';

interface Def {
  type: string;
  [key: string]: unknown;
}
type Check = { check?: string; format?: string; pattern?: RegExp; minimum?: number; maximum?: number };

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Check[] =>
  ((def.checks as Array<{ _zod: { def: Check } }> | undefined) ?? []).map((c) => c._zod.def);

export function shapedLike(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return fc.anything();
  const inner = (s: unknown) => shapedLike(s as z.ZodType, depth + 1);
  switch (def.type) {
    case 'undefined':
      return fc.constant(undefined);
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringNear(checksOf(def));
    case 'number':
      return numberNear(schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean });
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null });
    case 'array':
      return fc.array(inner(def.element), { maxLength: 4 });
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map(inner));
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const optional = (s: z.ZodType) => defOf(s).type === 'optional';
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, inner(s)])), {
        requiredKeys: Object.keys(shape).filter((k) => !optional(shape[k]!)),
      });
    }
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 8 }), inner(def.valueType), { maxKeys: 3 });
    default:
      return fc.anything();
  }
}

function stringNear(checks: Check[]): fc.Arbitrary<string> {
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 40;
  const pattern = checks.find((c) => c.format === 'regex')?.pattern;
  const options: Array<fc.Arbitrary<string>> = [
    fc.string({ minLength: min, maxLength: Math.min(max, min + 40) }),
    fc.constantFrom('', ' ', 'x'.repeat(max + 1)),
  ];
  if (pattern) options.push(fc.stringMatching(pattern));
  return fc.oneof(...options);
}

function numberNear(n: { minValue: number | null; maxValue: number | null; isInt: boolean }): fc.Arbitrary<number> {
  const min = Math.max(n.minValue ?? -1e6, Number.MIN_SAFE_INTEGER);
  const max = Math.min(n.maxValue ?? 1e6, Number.MAX_SAFE_INTEGER);
  return fc.oneof(
    n.isInt ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true }),
    fc.constantFrom(min - 1, max + 1, 0.5, -0, Number.NaN, Infinity),
  );
}

/** A shaped value with one place broken: replaced by anything, deleted, or given an unexpected sibling. */
export function nearMiss(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc
    .tuple(shapedLike(schema), fc.anything(), fc.nat(), fc.constantFrom('replace', 'delete', 'add'))
    .map(([value, junk, pick, how]) => breakOnePlace(value, junk, pick, how));
}

function breakOnePlace(value: unknown, junk: unknown, pick: number, how: 'replace' | 'delete' | 'add'): unknown {
  const copy = structuredClone(value);
  const places: Array<{ parent: Record<string, unknown>; key: string }> = [];
  const collect = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    for (const key of Object.keys(node)) {
      places.push({ parent: node as Record<string, unknown>, key });
      collect((node as Record<string, unknown>)[key]);
    }
  };
  collect(copy);
  if (places.length === 0) return junk;
  const { parent, key } = places[pick % places.length]!;
  if (how === 'delete') delete parent[key];
  else if (how === 'add') parent[`unexpected${pick % 7}`] = junk;
  else parent[key] = junk;
  return copy;
}
