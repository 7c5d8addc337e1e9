import { describe, expect, it } from 'vitest';
import { redactCredentials, redactDeep, redactSecrets } from '../../../main/core/redact';

// Fake keys with the real shapes (length and alphabet), never real ones.
const ADMIN_KEY = `sk-ant-admin01-TEST${'Ab3_x-Yz9'.repeat(9)}-TESTAA`;
const API_KEY = `sk-ant-api03-TEST${'Qr7-kLm_2'.repeat(9)}-TESTAA`;
const OAUTH_TOKEN = `sk-ant-oat01-TEST${'zZ09_-aB'.repeat(8)}`;

describe('redactSecrets', () => {
  it.each([
    ['a bare admin key', ADMIN_KEY, 'sk-ant-admin01-…[redacted]'],
    ['a bare API key', API_KEY, 'sk-ant-api03-…[redacted]'],
    ['an OAuth token', OAUTH_TOKEN, 'sk-ant-oat01-…[redacted]'],
    ['a key inside a sentence', `the key ${ADMIN_KEY} was refused`, 'the key sk-ant-admin01-…[redacted] was refused'],
    ['a bearer header', `authorization: Bearer ${ADMIN_KEY}`, 'authorization: Bearer sk-ant-admin01-…[redacted]'],
    ['a key in JSON', JSON.stringify({ k: API_KEY }), '{"k":"sk-ant-api03-…[redacted]"}'],
    ['a key in a URL query', `https://x.test/?key=${API_KEY}&a=1`, 'https://x.test/?key=sk-ant-api03-…[redacted]&a=1'],
    ['two keys on one line', `${ADMIN_KEY},${API_KEY}`, 'sk-ant-admin01-…[redacted],sk-ant-api03-…[redacted]'],
    ['a legacy key without kind or version', `sk-ant-${'Kx9_Lm2-Pq7'.repeat(4)}`, 'sk-ant-…[redacted]'],
    ['a key followed by a long run before "..."', `${API_KEY}...`, 'sk-ant-api03-…[redacted]...'],
  ])('masks %s', (_name, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it.each([
    ['the API partial_key_hint', 'sk-ant-api03-R2D...igAA'],
    ['a hint with a unicode ellipsis', 'sk-ant-api03-R2D…igAA'],
    ['a hint inside JSON', '{"partial_key_hint":"sk-ant-admin01-xY_...Q9AA"}'],
    ['prose naming the prefix', 'an Admin key starts with sk-ant-admin… and an API key with sk-ant-api03-'],
    ['a short placeholder', 'use sk-ant-admin01-TEST here'],
    ['an unrelated token', 'sk-live-1234567890abcdef1234567890'],
    ['an empty string', ''],
  ])('keeps %s visible', (_name, input) => {
    expect(redactSecrets(input)).toBe(input);
  });

  it('is idempotent', () => {
    const once = redactSecrets(`x ${ADMIN_KEY} y`);
    expect(redactSecrets(once)).toBe(once);
  });

  it('leaves no byte of the secret part behind', () => {
    const secretPart = ADMIN_KEY.slice('sk-ant-admin01-'.length);
    expect(redactSecrets(`${ADMIN_KEY}\n${ADMIN_KEY}`)).not.toContain(secretPart.slice(0, 8));
  });
});

describe('redactDeep', () => {
  it('redacts strings at any depth and keeps the shape', () => {
    const input = { a: [1, { b: `key=${ADMIN_KEY}` }], n: null, ok: true, hint: 'sk-ant-api03-R2D...igAA' };
    expect(redactDeep(input)).toEqual({
      a: [1, { b: 'key=sk-ant-admin01-…[redacted]' }],
      n: null,
      ok: true,
      hint: 'sk-ant-api03-R2D...igAA',
    });
  });

  it('does not modify its input', () => {
    const input = { k: ADMIN_KEY };
    redactDeep(input);
    expect(input.k).toBe(ADMIN_KEY);
  });

  it('masks credential-named fields whatever their value looks like', () => {
    expect(redactDeep({ headers: { Authorization: 'Bearer abc', 'x-api-key': 'short', accept: 'json' } })).toEqual({
      headers: { Authorization: '[redacted]', 'x-api-key': '[redacted]', accept: 'json' },
    });
  });

  it('turns an Error into a plain record with a redacted message, stack and cause', () => {
    const error = new Error(`bad key ${API_KEY}`, { cause: new Error(`inner ${ADMIN_KEY}`) });
    const out = redactDeep(error) as unknown as Record<string, unknown>;
    const text = JSON.stringify(out);
    expect(out.message).toBe('bad key sk-ant-api03-…[redacted]');
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(ADMIN_KEY);
    expect(text).toContain('inner sk-ant-admin01-…[redacted]');
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { k: ADMIN_KEY };
    a.self = a;
    const out = redactDeep(a);
    expect(out.k).toBe('sk-ant-admin01-…[redacted]');
    expect(out.self).toBe(out);
  });

  it('redacts inside Maps and Sets and copies Dates', () => {
    const when = new Date(0);
    const out = redactDeep({ m: new Map([['k', ADMIN_KEY]]), s: new Set([API_KEY]), when });
    expect(out.m.get('k')).toBe('sk-ant-admin01-…[redacted]');
    expect([...out.s]).toEqual(['sk-ant-api03-…[redacted]']);
    expect(out.when.getTime()).toBe(0);
  });
});

describe('redactCredentials (log lines, diagnostics)', () => {
  it.each([
    ['an admin key', `x ${ADMIN_KEY}`, 'x sk-ant-admin01-…[redacted]'],
    ['an API key', API_KEY, 'sk-ant-api03-…[redacted]'],
    ['an OAuth token', OAUTH_TOKEN, 'sk-ant-oat01-…[redacted]'],
    ['a bearer token', 'authorization: Bearer abc.DEF-123_ghi456', 'authorization: Bearer [redacted]'],
    ['a bearer Anthropic key', `Bearer ${API_KEY}`, 'Bearer sk-ant-api03-…[redacted]'],
    [
      'a Slack webhook',
      'post to https://hooks.slack.com/services/T000/B000/XXXXsecret failed',
      'post to https://hooks.slack.com/…[redacted] failed',
    ],
    [
      'a Slack workflow trigger',
      'https://hooks.slack.com/triggers/T0/123/abcdef',
      'https://hooks.slack.com/…[redacted]',
    ],
    [
      'a Discord webhook',
      '"https://discordapp.com/api/webhooks/123/tok_en"',
      '"https://discordapp.com/api/webhooks/…[redacted]"',
    ],
    [
      'a Teams webhook',
      'https://acme.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d',
      'https://acme.webhook.office.com/…[redacted]',
    ],
    [
      'a Google Chat webhook',
      'https://chat.googleapis.com/v1/spaces/AAA/messages?key=K&token=T',
      'https://chat.googleapis.com/v1/spaces/…[redacted]',
    ],
    [
      'a Power Automate URL',
      'https://prod-01.westus.logic.azure.com:443/workflows/abc/triggers/manual?sig=zzzzzzzz',
      'https://prod-01.westus.logic.azure.com:443/workflows/…[redacted]',
    ],
    ['a token query parameter', 'https://x.test/a?token=abcdef123&b=1', 'https://x.test/a?token=[redacted]&b=1'],
    ['a signature query parameter', 'https://x.test/a?x=1&sig=abcdef123', 'https://x.test/a?x=1&sig=[redacted]'],
  ])('masks %s', (_name, input, expected) => {
    expect(redactCredentials(input)).toBe(expected);
    expect(redactCredentials(expected)).toBe(expected); // idempotent
  });

  it.each([
    ['the API host', 'GET https://api.anthropic.com/v1/organizations/users?limit=100'],
    ['a partial key hint', 'sk-ant-api03-R2D...igAA'],
    ['the word bearer in prose', 'the bearer of bad news'],
    ['a short query value', 'https://x.test/?key=abc'],
  ])('keeps %s', (_name, input) => {
    expect(redactCredentials(input)).toBe(input);
  });
});
