import { describe, expect, it } from 'vitest';
import { formatAuditQuery, ftsMatchExpression, parseAuditQuery, parseDay } from '../../../../main/core/audit/query';

const day = (text: string): number => Date.parse(`${text}T00:00:00Z`);

describe('parseAuditQuery', () => {
  it.each([
    ['', {}],
    ['deploy bot', { text: ['deploy', 'bot'] }],
    ['actor:ada@example.com', { actor: ['ada@example.com'] }],
    ['actor:"Ada Lovelace" rotated', { actor: ['Ada Lovelace'], text: ['rotated'] }],
    ['type:platform_api_key_created type:api_key.created', { type: ['platform_api_key_created', 'api_key.created'] }],
    ['workspace:wrkspc_01 key:apikey_01', { workspace: ['wrkspc_01'], key: ['apikey_01'] }],
    ['source:journal SOURCE:Compliance', { source: ['journal', 'compliance'] }],
    ['"exact phrase" other', { text: ['exact phrase', 'other'] }],
    ['"foo:bar"', { text: ['foo:bar'] }],
    ['actor:', { text: ['actor:'] }],
    ['https://x.test/a', { text: ['https://x.test/a'] }],
  ])('%j parses into its parts', (input, expected) => {
    const query = parseAuditQuery(input);
    expect(query.errors).toEqual([]);
    expect({
      text: query.text,
      actor: query.actor,
      type: query.type,
      workspace: query.workspace,
      key: query.key,
      source: query.source,
    }).toEqual({
      text: [],
      actor: [],
      type: [],
      workspace: [],
      key: [],
      source: [],
      ...expected,
    });
  });

  it('after: is 00:00 UTC of the day (inclusive), before: is 00:00 UTC of its day (exclusive bound)', () => {
    const query = parseAuditQuery('after:2026-03-01 before:2026-03-02');
    expect(query.afterMs).toBe(day('2026-03-01'));
    expect(query.beforeMs).toBe(day('2026-03-02'));
  });

  it('repeated bounds narrow: latest after, earliest before', () => {
    const query = parseAuditQuery('after:2026-01-01 after:2026-02-01 before:2026-05-01 before:2026-04-01');
    expect(query.afterMs).toBe(day('2026-02-01'));
    expect(query.beforeMs).toBe(day('2026-04-01'));
  });

  it.each(['after:2026-02-30', 'after:2026-13-01', 'before:yesterday', 'before:2026-1-1', 'source:email'])(
    '%s is reported as an error',
    (input) => {
      expect(parseAuditQuery(input).errors).toHaveLength(1);
    },
  );

  it('refuses an unknown qualifier, naming the known ones and how to search for the text', () => {
    const query = parseAuditQuery('actr:ada rotated');
    expect(query.errors).toEqual([
      'unknown qualifier "actr:"; the known ones are actor: type: workspace: key: source: after: before: self:' +
        ' (to search for the text itself, quote it: "actr:ada")',
    ]);
    expect(parseAuditQuery('https://x.test/a').errors).toEqual([]);
  });

  it('reads self:show (our own report reads one by one) and refuses any other self: value', () => {
    expect(parseAuditQuery('cost').selfShow).toBe(false);
    const shown = parseAuditQuery('self:show cost');
    expect(shown).toMatchObject({ selfShow: true, text: ['cost'], errors: [] });
    expect(formatAuditQuery(shown)).toBe('self:show cost');
    expect(parseAuditQuery('self:hide').errors).toEqual([
      'self: takes only "show" (self:show lists this app\'s own report reads), not "hide"',
    ]);
  });

  it('accepts a leap day only in a leap year', () => {
    expect(parseDay('2028-02-29')).toBe(day('2028-02-29'));
    expect(parseDay('2026-02-29')).toBeNull();
  });

  it('formats a parsed query back to an equivalent query', () => {
    const text = 'actor:"Ada Lovelace" type:x source:local after:2026-01-02 before:2026-01-03 hello';
    const again = parseAuditQuery(formatAuditQuery(parseAuditQuery(text)));
    expect(again).toEqual(parseAuditQuery(text));
  });
});

describe('ftsMatchExpression', () => {
  it('quotes every term as a prefix phrase so FTS syntax in user input is inert', () => {
    expect(ftsMatchExpression(['deploy', 'OR', 'a"b'])).toBe('"deploy"* AND "OR"* AND "a""b"*');
  });
  it('drops terms without letters or digits and answers null when none is left', () => {
    expect(ftsMatchExpression(['-', '***'])).toBeNull();
    expect(ftsMatchExpression([])).toBeNull();
  });
});
