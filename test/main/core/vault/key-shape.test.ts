import { describe, expect, it } from 'vitest';
import { InvalidAdminKeyError } from '../../../../main/core/vault/errors';
import { ADMIN_KEY_EXPLAINER, assertAdminKeyShape, checkAdminKeyShape } from '../../../../main/core/vault/key-shape';
import { fakeAdminKey, fakeApiKey } from '../../../helpers/keyring';

const ADMIN = fakeAdminKey();

describe('checkAdminKeyShape', () => {
  it('accepts an sk-ant-admin key', () => {
    expect(checkAdminKeyShape(ADMIN)).toEqual({ ok: true, key: ADMIN });
  });

  it.each([
    ['a trailing newline', `${ADMIN}\n`],
    ['a Windows line end', `${ADMIN}\r\n`],
    ['surrounding spaces and tabs', `  \t${ADMIN}  `],
    ['surrounding quotes', `"${ADMIN}"`],
    ['single quotes and a newline', `'${ADMIN}'\n`],
  ])('trims %s from a pasted key', (_name, pasted) => {
    expect(checkAdminKeyShape(pasted)).toEqual({ ok: true, key: ADMIN });
  });

  it('refuses a regular API key and explains what an Admin key is and where to create one', () => {
    const result = checkAdminKeyShape(fakeApiKey());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toBe('api-key');
    expect(result.message).toMatch(/regular API key/);
    expect(result.message).toMatch(/starts with "sk-ant-admin"/);
    expect(result.message).toMatch(/Console → Settings → Admin keys/);
    expect(result.message).toMatch(/Only organization admins/);
  });

  it.each([
    ['empty input', '', 'empty'],
    ['only whitespace', ' \n ', 'empty'],
    ['an OAuth token', `sk-ant-oat01-TEST${'q'.repeat(60)}`, 'other-anthropic-credential'],
    ['another vendor key', `sk-proj-${'q'.repeat(60)}`, 'not-an-anthropic-key'],
    ['a truncated admin key', 'sk-ant-admin01-TESTabc', 'malformed'],
    ['an admin key with a space inside', `${ADMIN.slice(0, 30)} ${ADMIN.slice(30)}`, 'malformed'],
    ['two keys pasted on two lines', `${ADMIN}\n${ADMIN}`, 'malformed'],
  ])('refuses %s', (_name, input, problem) => {
    const result = checkAdminKeyShape(input);
    expect(result).toMatchObject({ ok: false, problem });
    if (!result.ok) expect(result.message).toContain(ADMIN_KEY_EXPLAINER);
  });

  it('never echoes the refused key in its message', () => {
    const apiKey = fakeApiKey();
    for (const input of [apiKey, `${ADMIN.slice(0, 40)}!`, 'sk-ant-adminzz']) {
      const result = checkAdminKeyShape(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).not.toContain(input);
    }
  });
});

describe('assertAdminKeyShape', () => {
  it('returns the trimmed key or throws InvalidAdminKeyError with the problem', () => {
    expect(assertAdminKeyShape(` ${ADMIN}\n`)).toBe(ADMIN);
    expect(() => assertAdminKeyShape(fakeApiKey())).toThrow(InvalidAdminKeyError);
    try {
      assertAdminKeyShape('nope');
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_ADMIN_KEY', reason: 'not-an-anthropic-key' });
    }
  });
});
