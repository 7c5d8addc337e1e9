// Auth and the documented error body (admin-api.md §1.1–1.3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Anthropic from '@anthropic-ai/sdk';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox';
import * as api from '../../fixtures/admin-api/schemas';
import { rawGet, sdkFor, startFrozen } from './sdk-client';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startFrozen();
});
afterAll(() => sandbox.close());

describe('credentials', () => {
  it('issues an admin key in the real shape', () => {
    expect(sandbox.adminKey).toMatch(/^sk-ant-admin01-[A-Za-z0-9]{80,}AA$/);
  });

  it('accepts authorization: Bearer (the SDK default) and x-api-key with any anthropic-version', async () => {
    const me = await sdkFor(sandbox).beta.organization.retrieve();
    expect(api.organization.parse(me).name).toBe(sandbox.model.org.name);
    const viaHeader = new Anthropic({
      apiKey: null,
      authToken: null,
      baseURL: sandbox.url,
      maxRetries: 0,
      defaultHeaders: { 'x-api-key': sandbox.adminKey, 'anthropic-version': '2023-06-01' },
    });
    expect((await viaHeader.beta.organization.retrieve()).id).toBe(sandbox.model.org.id);
  });

  it.each([
    ['no key', {}, 401, 'authentication_error'],
    ['unknown admin key', { 'x-api-key': 'sk-ant-admin01-TESTunknown' }, 401, 'authentication_error'],
    ['regular API key', { 'x-api-key': 'sk-ant-api03-TESTregular' }, 401, 'authentication_error'],
  ])('refuses %s', async (_name, headers, status, type) => {
    const res = await fetch(`${sandbox.url}/v1/organizations/me`, {
      headers: { 'anthropic-version': '2023-06-01', ...headers },
    });
    expect(res.status).toBe(status);
    const body = api.errorBody.parse(await res.json());
    expect(body.error.type).toBe(type);
    expect(body.request_id).toBe(res.headers.get('request-id'));
  });

  it('explains that a regular key cannot call the Admin API', async () => {
    const res = await fetch(`${sandbox.url}/v1/organizations/me`, {
      headers: { 'anthropic-version': '2023-06-01', 'x-api-key': 'sk-ant-api03-TESTregular' },
    });
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Admin API key/);
  });

  it('surfaces 401 as the SDK AuthenticationError with the request id', async () => {
    const bad = new Anthropic({ apiKey: 'sk-ant-admin01-TESTwrong', baseURL: sandbox.url, maxRetries: 0 });
    const err = await bad.beta.organization.retrieve().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((err as InstanceType<typeof Anthropic.AuthenticationError>).requestID).toMatch(/^req_/);
  });
});

describe('a given admin key', () => {
  it('is used instead of a random one, and a mis-shaped one is refused at start', async () => {
    const key = 'sk-ant-admin01-TESTgivenKEY_0123456789abcdefghijklmnopqrstuvwxyzAA';
    const sb = await startSandbox({ adminKey: key });
    try {
      expect(sb.adminKey).toBe(key);
      const me = await new Anthropic({ apiKey: key, baseURL: sb.url, maxRetries: 0 }).beta.organization.retrieve();
      expect(me.id).toBe(sb.model.org.id);
    } finally {
      await sb.close();
    }
    await expect(startSandbox({ adminKey: 'sk-ant-api03-TESTnotAdmin' })).rejects.toThrow(/adminKey/);
  });
});

describe('request-id and error bodies', () => {
  it('puts request-id on every response, success or error', async () => {
    const ok = await rawGet(sandbox, '/v1/organizations/me');
    const missing = await rawGet(sandbox, '/v1/organizations/nope');
    expect(ok.headers.get('request-id')).toMatch(/^req_/);
    expect(missing.headers.get('request-id')).toMatch(/^req_/);
    expect(ok.headers.get('request-id')).not.toBe(missing.headers.get('request-id'));
  });

  it.each([
    ['/v1/organizations/users/user_01doesnotexist', 404, 'not_found_error'],
    ['/v1/organizations/workspaces/wrkspc_01nope', 404, 'not_found_error'],
    ['/v1/organizations/api_keys/apikey_01nope', 404, 'not_found_error'],
    ['/v1/organizations/users?roles[]=emperor', 400, 'invalid_request_error'],
    ['/v1/organizations/api_keys?status=deleted', 400, 'invalid_request_error'],
    ['/v1/organizations/workspaces?include_archived=maybe', 400, 'invalid_request_error'],
  ])('%s → %i %s', async (path, status, type) => {
    const res = await rawGet(sandbox, path);
    expect(res.status).toBe(status);
    expect(api.errorBody.parse(res.body).error.type).toBe(type);
  });

  it('maps a 404 to the SDK NotFoundError', async () => {
    const err = await sdkFor(sandbox)
      .beta.organization.users.retrieve('user_01missing')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.NotFoundError);
  });
});
