import { describe, expect, it, vi } from 'vitest';
import { dispatch, maskKeys } from '../../../main/ipc/dispatch';
import { createHandlers } from '../../../main/ipc/create-handlers';
import { HandlerError } from '../../../main/ipc/handler-error';
import type { Handlers } from '../../../main/ipc/handler-types';
import { sampleInfo, sampleTree, unusedVault } from './fixtures';

function handlersWith(overrides: Partial<Handlers> = {}): Handlers {
  const base = createHandlers({
    appInfo: () => sampleInfo,
    mirror: () => null,
    now: () => 0,
    vault: unusedVault,
    onKeyChanged: async () => undefined,
  });
  return { ...base, 'clade:org/tree': async () => sampleTree, ...overrides };
}

describe('dispatch', () => {
  it('answers a known channel with {ok:true,value}', async () => {
    const result = await dispatch(handlersWith(), 'clade:org/tree', undefined, 'ipc', vi.fn());
    expect(result).toEqual({ ok: true, value: sampleTree });
  });

  it('refuses a channel that is not in the contract without calling anything', async () => {
    const log = vi.fn();
    const result = await dispatch(handlersWith(), 'clade:key/reveal', undefined, 'http', log);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('treats push channels and prototype names as unknown invoke channels', async () => {
    for (const name of ['clade:sync/progress-changed', 'toString', '__proto__', 'constructor']) {
      const result = await dispatch(handlersWith(), name, undefined, 'http', vi.fn());
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('never calls the handler when the payload does not match the request schema', async () => {
    const tree = vi.fn(async () => sampleTree);
    const result = await dispatch(
      handlersWith({ 'clade:org/tree': tree }),
      'clade:org/tree',
      { sneaky: 1 },
      'ipc',
      vi.fn(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(tree).not.toHaveBeenCalled();
  });

  it('turns an unexpected throw into a generic internal error without the stack or message', async () => {
    const log = vi.fn();
    const boom = async (): Promise<never> => {
      throw new Error('SQLITE_CORRUPT at /home/ada/secret/path.sqlite');
    };
    const result = await dispatch(handlersWith({ 'clade:org/tree': boom }), 'clade:org/tree', undefined, 'ipc', log);
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/SQLITE_CORRUPT|secret|at .*\.ts/);
    expect(result).toMatchObject({ error: { code: 'internal' } });
    expect(log).toHaveBeenCalledOnce();
  });

  it('passes a HandlerError through with its code and a masked message', async () => {
    const missing = async (): Promise<never> => {
      throw new HandlerError('unavailable', 'Key sk-ant-admin01-TESTabcdefghijkl is not stored');
    };
    const result = await dispatch(
      handlersWith({ 'clade:org/tree': missing }),
      'clade:org/tree',
      undefined,
      'ipc',
      vi.fn(),
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Key sk-ant-admin01-…[redacted] is not stored' },
    });
  });

  it('strips fields a handler adds beyond the DTO, so nothing undeclared crosses the boundary', async () => {
    const leaky = async () => ({ ...sampleInfo, adminKey: 'sk-ant-admin01-TESTleak' }) as typeof sampleInfo;
    const result = await dispatch(
      handlersWith({ 'clade:app/info': leaky }),
      'clade:app/info',
      undefined,
      'ipc',
      vi.fn(),
    );
    expect(result).toEqual({ ok: true, value: sampleInfo });
  });

  it('reports a response outside the contract as internal', async () => {
    const wrong = async () => ({ name: 'x' }) as unknown as typeof sampleInfo;
    const log = vi.fn();
    const result = await dispatch(handlersWith({ 'clade:app/info': wrong }), 'clade:app/info', undefined, 'ipc', log);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log).toHaveBeenCalled();
  });

  it('answers null for an org tree when the mirror is empty', async () => {
    const result = await dispatch(
      handlersWith({ 'clade:org/tree': async () => null }),
      'clade:org/tree',
      undefined,
      'ipc',
      vi.fn(),
    );
    expect(result).toEqual({ ok: true, value: null });
  });
});

describe('maskKeys', () => {
  it('masks full Anthropic keys but keeps prose about key prefixes and partial hints readable', () => {
    expect(maskKeys('a sk-ant-api03-TESTxyz_-12345 b')).toBe('a sk-ant-api03-…[redacted] b');
    expect(maskKeys('an Admin key starts with "sk-ant-admin01-"')).toBe('an Admin key starts with "sk-ant-admin01-"');
    expect(maskKeys('hint sk-ant-api03-R2D...igAA')).toBe('hint sk-ant-api03-R2D...igAA');
  });
});

describe('Handlers type', () => {
  it('requires one handler per invoke channel (checked by the typecheck)', () => {
    // @ts-expect-error a Handlers object without clade:org/tree must not typecheck
    const missing: Handlers = { 'clade:app/info': async () => sampleInfo };
    expect(Object.keys(missing)).toEqual(['clade:app/info']);
  });
});
