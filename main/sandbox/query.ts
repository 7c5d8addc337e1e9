// Query parsing the way the SDK encodes it (qs, arrayFormat "brackets": `roles[]=a&roles[]=b`).
import { badRequest } from './errors';

export class Query {
  constructor(readonly params: URLSearchParams) {}

  has(name: string): boolean {
    return this.params.has(name) || this.params.has(`${name}[]`);
  }

  string(name: string): string | undefined {
    const v = this.params.get(name);
    return v === null ? undefined : v;
  }

  /** `name[]=a&name[]=b`; also accepts plain repeated `name=a&name=b`. */
  array(name: string): string[] | undefined {
    const values = [...this.params.getAll(`${name}[]`), ...this.params.getAll(name)];
    return values.length > 0 ? values : undefined;
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.string(name);
    if (v === undefined) return fallback;
    if (v === 'true') return true;
    if (v === 'false') return false;
    throw badRequest(`${name}: Input should be a valid boolean, unable to interpret input`);
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.string(name);
    if (v === undefined) return fallback;
    if (!/^-?\d+$/.test(v)) throw badRequest(`${name}: Input should be a valid integer`);
    const n = Number(v);
    if (n < min) throw badRequest(`${name}: Input should be greater than or equal to ${min}`);
    if (n > max) throw badRequest(`${name}: Input should be less than or equal to ${max}`);
    return n;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(v)) {
      throw badRequest(`${name}: Input should be ${allowed.map((a) => `'${a}'`).join(', ')}`);
    }
    return v as T;
  }

  arrayOf<T extends string>(name: string, allowed: readonly T[]): T[] | undefined {
    const values = this.array(name);
    if (!values) return undefined;
    for (const v of values) {
      if (!(allowed as readonly string[]).includes(v)) {
        throw badRequest(`${name}: Input should be ${allowed.map((a) => `'${a}'`).join(', ')}`);
      }
    }
    return values as T[];
  }

  /** Canonical form of every parameter except the named ones: used to bind report cursors to a query. */
  fingerprint(except: readonly string[]): string {
    const pairs = [...this.params.entries()].filter(([k]) => !except.includes(k));
    pairs.sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
    return pairs.map(([k, v]) => `${k}=${v}`).join('&');
  }
}
