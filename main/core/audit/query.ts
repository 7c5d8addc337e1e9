import type { AuditSource } from './event';
import { AUDIT_SOURCES } from './event';
import { SELF_SHOW } from './self-views';

/**
 * The audit search language: free text plus qualifiers `actor:`, `type:`, `workspace:`, `key:`, `source:`,
 * `after:YYYY-MM-DD` (inclusive, 00:00 UTC), `before:YYYY-MM-DD` (exclusive) and `self:show` (list this app's own
 * report reads one by one instead of one folded line a day, core/audit/self-views.ts). Values may be quoted
 * (`actor:"Ada Lovelace"`). Repeating a qualifier ORs its values; different qualifiers AND. Text terms AND. An
 * unknown qualifier (`foo:bar`) is refused, not searched as text: a mistyped `actr:ada` would otherwise find nothing
 * and look like an empty trail. Quoted, `"foo:bar"` is text; so is a URL (`https://…`).
 */
export interface AuditQuery {
  text: string[];
  actor: string[];
  type: string[];
  workspace: string[];
  key: string[];
  source: AuditSource[];
  /** Inclusive lower bound, epoch ms. */
  afterMs: number | null;
  /** Exclusive upper bound, epoch ms. */
  beforeMs: number | null;
  /** `self:show`: this app's own report reads listed one by one rather than folded into one line a day. */
  selfShow: boolean;
  /** Problems with the query (bad date, unknown source); callers refuse to run a query that has any. */
  errors: string[];
}

const LIST_QUALIFIERS = ['actor', 'type', 'workspace', 'key'] as const;
const KNOWN_QUALIFIERS = [...LIST_QUALIFIERS, 'source', 'after', 'before', 'self'];
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function emptyAuditQuery(): AuditQuery {
  return {
    text: [],
    actor: [],
    type: [],
    workspace: [],
    key: [],
    source: [],
    afterMs: null,
    beforeMs: null,
    selfShow: false,
    errors: [],
  };
}

export function parseAuditQuery(input: string): AuditQuery {
  const query = emptyAuditQuery();
  for (const token of tokenise(input)) {
    const qualifier = token.qualifier?.toLowerCase();
    if (qualifier === undefined || token.value === '') {
      if (token.raw !== '') query.text.push(token.raw);
      continue;
    }
    if ((LIST_QUALIFIERS as readonly string[]).includes(qualifier)) {
      query[qualifier as (typeof LIST_QUALIFIERS)[number]].push(token.value);
    } else if (qualifier === 'source') {
      const source = token.value.toLowerCase();
      if ((AUDIT_SOURCES as readonly string[]).includes(source)) query.source.push(source as AuditSource);
      else query.errors.push(`source must be one of ${AUDIT_SOURCES.join(', ')}, not "${token.value}"`);
    } else if (qualifier === 'after' || qualifier === 'before') {
      const ms = parseDay(token.value);
      if (ms === null) query.errors.push(`${qualifier}: needs a date as YYYY-MM-DD (UTC), not "${token.value}"`);
      // Several bounds narrow: the latest `after`, the earliest `before`.
      else if (qualifier === 'after') query.afterMs = query.afterMs === null ? ms : Math.max(query.afterMs, ms);
      else query.beforeMs = query.beforeMs === null ? ms : Math.min(query.beforeMs, ms);
    } else if (qualifier === 'self') {
      if (token.value.toLowerCase() === SELF_SHOW) query.selfShow = true;
      else
        query.errors.push(
          `self: takes only "${SELF_SHOW}" (self:show lists this app's own report reads), not "${token.value}"`,
        );
    } else if (token.value.startsWith('//')) {
      query.text.push(token.raw); // a URL (https://…), not a qualifier
    } else {
      query.errors.push(
        `unknown qualifier "${token.qualifier}:"; the known ones are ${KNOWN_QUALIFIERS.map((q) => `${q}:`).join(' ')}` +
          ` (to search for the text itself, quote it: "${token.raw}")`,
      );
    }
  }
  return query;
}

/** Epoch ms of 00:00 UTC on a real calendar day, or null (2026-02-30 is not a day). */
export function parseDay(value: string): number | null {
  const match = DAY.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms;
}

interface Token {
  /** The token as text search would see it (quotes removed around a plain phrase). */
  raw: string;
  qualifier?: string;
  value: string;
}

/** Splits on whitespace outside double quotes; `name:"a b"` keeps its qualifier, `"a b"` is one phrase. */
function tokenise(input: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /([A-Za-z]+):"([^"]*)"?|"([^"]*)"?|(\S+)/g;
  for (const match of input.matchAll(pattern)) {
    if (match[1] !== undefined) {
      tokens.push({ raw: `${match[1]}:${match[2] ?? ''}`, qualifier: match[1], value: (match[2] ?? '').trim() });
    } else if (match[3] !== undefined) {
      tokens.push({ raw: match[3].trim(), value: '' });
    } else if (match[4] !== undefined) {
      const word = match[4];
      const colon = word.indexOf(':');
      if (colon > 0 && /^[A-Za-z]+$/.test(word.slice(0, colon))) {
        tokens.push({ raw: word, qualifier: word.slice(0, colon), value: word.slice(colon + 1) });
      } else {
        tokens.push({ raw: word, value: '' });
      }
    }
  }
  return tokens;
}

/** Renders a parsed query back to text (recorded with exports, shown in the UI). */
export function formatAuditQuery(query: AuditQuery): string {
  const quote = (value: string): string => (/[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value);
  const parts: string[] = [];
  for (const name of LIST_QUALIFIERS) for (const value of query[name]) parts.push(`${name}:${quote(value)}`);
  for (const source of query.source) parts.push(`source:${source}`);
  if (query.afterMs !== null) parts.push(`after:${new Date(query.afterMs).toISOString().slice(0, 10)}`);
  if (query.beforeMs !== null) parts.push(`before:${new Date(query.beforeMs).toISOString().slice(0, 10)}`);
  if (query.selfShow) parts.push(`self:${SELF_SHOW}`);
  for (const term of query.text) parts.push(quote(term));
  return parts.join(' ');
}

/**
 * The FTS5 MATCH expression for the text terms: each term a quoted prefix phrase, ANDed. Quoting keeps user input
 * from being read as FTS syntax (`OR`, `NEAR`, `*`, column filters). Terms without a letter or digit match
 * nothing useful and are dropped. Null when no term is left.
 */
export function ftsMatchExpression(terms: string[]): string | null {
  const phrases = terms.filter((term) => /[\p{L}\p{N}]/u.test(term)).map((term) => `"${term.replace(/"/g, '""')}"*`);
  return phrases.length ? phrases.join(' AND ') : null;
}
