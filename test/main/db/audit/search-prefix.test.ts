import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ftsMatchExpression, parseAuditQuery } from '../../../../main/core/audit/query';
import { appendAuditEvents } from '../../../../main/db/audit/append';
import { searchAuditEvents } from '../../../../main/db/audit/search';
import { indexedMatchExpression } from '../../../../main/db/audit/search-match';
import { fixedNow, localDraft, openAuditDb } from './audit-db';

let env: ReturnType<typeof openAuditDb>;
beforeEach(() => {
  env = openAuditDb();
});
afterEach(() => env.cleanup());

const SUMMARIES = [
  'prod deploy',
  'production outage',
  'Products page',
  'Prodigy run',
  'próduct typo',
  'reprod case',
  'person4 left',
  'person42 joined',
  'person420 joined',
  'api_key rotated',
  'nothing to see',
];

function seed(): void {
  appendAuditEvents(
    env.db,
    Array.from({ length: 66 }, (_, i) =>
      localDraft(i + 1, {
        // Out-of-order times, so the (time, id) order differs from the id order.
        atMs: 1_700_000_000_000 + ((i * 37) % 66) * 1000,
        summary: `${SUMMARIES[i % SUMMARIES.length]} #${i}`,
      }),
    ),
    { now: fixedNow },
  );
}

/** What the plain prefix expression finds, in the search's order: the reference the expansion must equal. */
function reference(text: string): number[] {
  const match = ftsMatchExpression(parseAuditQuery(text).text);
  if (match === null) return [];
  return env.db
    .prepare(
      'SELECT id FROM audit_events WHERE id IN (SELECT rowid FROM audit_fts WHERE audit_fts MATCH ?) ORDER BY at_ms DESC, id DESC',
    )
    .pluck()
    .all(match) as number[];
}

describe('text terms are expanded to the index terms they prefix', () => {
  it('writes a word with no longer term as the exact term, and a word with longer terms as their OR', () => {
    seed();
    expect(indexedMatchExpression(env.db, ['person42'])).toBe('("person42" OR "person420")');
    expect(indexedMatchExpression(env.db, ['Deploy'])).toBe('"deploy"');
    expect(indexedMatchExpression(env.db, ['prod'])).toBe(
      '("prod" OR "prodigy" OR "product" OR "production" OR "products")',
    );
    expect(indexedMatchExpression(env.db, ['absent'])).toBe('"absent"');
  });

  it('keeps the prefix form for anything that is not one plain ASCII word, and drops punctuation', () => {
    seed();
    expect(indexedMatchExpression(env.db, ['api_key', 'pró', '"x'])).toBe('"api_key"* AND "pró"* AND """x"*');
    expect(indexedMatchExpression(env.db, ['---'])).toBeNull();
    expect(indexedMatchExpression(env.db, ['person', '---'])).toBe(
      '("person" OR "person4" OR "person42" OR "person420")',
    );
  });

  it('keeps the prefix form when a word starts more index terms than an OR should hold', () => {
    appendAuditEvents(
      env.db,
      Array.from({ length: 40 }, (_, i) => localDraft(i + 1, { summary: `tag${i} added` })),
      { now: fixedNow },
    );
    expect(indexedMatchExpression(env.db, ['tag'])).toBe('"tag"*');
    expect(indexedMatchExpression(env.db, ['tag1'])).toBe(
      '("tag1" OR "tag10" OR "tag11" OR "tag12" OR "tag13" OR "tag14" OR "tag15" OR "tag16" OR "tag17" OR "tag18" OR "tag19")',
    );
  });

  it.each([
    'prod',
    'PROD',
    'pro',
    'product',
    'person4',
    'person42',
    'p',
    'prod person',
    'api_key',
    'pró',
    'zzz',
    'rep',
    '#1',
  ])('%j finds what the prefix expression finds, listed and walked in small batches', (text) => {
    seed();
    const expected = reference(text);
    for (const tuning of [
      { inListMax: 1_000_000, batch: 2000 },
      { inListMax: 0, batch: 3 },
      { inListMax: 0, batch: 2000 },
    ]) {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page = searchAuditEvents(env.db, text, { limit: 4, cursor }, tuning);
        seen.push(...page.events.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);
    }
  });

  it('answers on a read-only connection (the vocabulary table is the connection’s own temp table)', async () => {
    seed();
    const Database = (await import('better-sqlite3')).default;
    const reader = new Database(env.file, { readonly: true });
    try {
      expect(searchAuditEvents(reader, 'prod').events.map((e) => e.id)).toEqual(reference('prod').slice(0, 50));
    } finally {
      reader.close();
    }
  });
});
