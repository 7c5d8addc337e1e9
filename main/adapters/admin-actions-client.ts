/**
 * Sends one admin action to the Admin API through the official SDK (typed methods: SDK 1.12.0 has them all) and
 * validates the answer with the sync's own schemas. Errors leave as the core's AdminApiError. The key is given per
 * client and lives only in this closure; nothing here logs.
 */
import Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';
import type { AdminAction, ActionResult } from '../core/actions';
import { checkBaseUrl, PRODUCTION_BASE_URL } from '../core/base-url';
import { toAdminApiError } from './admin-api/errors';
import { proxyFetchFromEnv } from './admin-api/proxy-fetch';
import * as S from './admin-api/schemas';

export interface AdminActionsPort {
  send(action: AdminAction): Promise<ActionResult>;
}

export interface AdminActionsClientOptions {
  apiKey: string;
  baseURL: string;
  /** The SDK's retries (429 honouring retry-after, 5xx). Default 2: an admin is waiting on the answer. */
  maxRetries?: number;
  env?: Record<string, string | undefined>;
}

const ORG = '/v1/organizations';
const Deleted = z.object({ type: z.string() }).passthrough();

export function createAdminActionsClient(opts: AdminActionsClientOptions): AdminActionsPort {
  const base = checkBaseUrl(opts.baseURL);
  if (!base.ok) throw new Error(`refusing base URL: ${base.reason}`);
  const proxied = base.url === PRODUCTION_BASE_URL ? proxyFetchFromEnv(opts.env ?? process.env) : null;
  const client = new Anthropic({
    apiKey: opts.apiKey,
    authToken: null,
    baseURL: base.url,
    maxRetries: opts.maxRetries ?? 2,
    timeout: 30_000,
    ...(proxied ? { fetch: proxied } : {}),
  });
  const org = client.beta.organization;

  async function call<T>(endpoint: string, run: () => Promise<unknown>, parse: (body: unknown) => T): Promise<T> {
    let body: unknown;
    try {
      body = await run();
    } catch (error) {
      throw toAdminApiError(error, endpoint);
    }
    try {
      return parse(body);
    } catch (error) {
      throw toAdminApiError(new Error(`unexpected answer: ${error instanceof Error ? error.message : String(error)}`), endpoint);
    }
  }

  return {
    send(action) {
      switch (action.kind) {
        case 'apikey.set-status':
          return call(`POST ${ORG}/api_keys/${action.keyId}`, () => org.apiKeys.update(action.keyId, { status: action.status }), (b) => ({ kind: 'api_key', item: S.ApiKeySchema.parse(b) }));
        case 'apikey.rename':
          return call(`POST ${ORG}/api_keys/${action.keyId}`, () => org.apiKeys.update(action.keyId, { name: action.name }), (b) => ({ kind: 'api_key', item: S.ApiKeySchema.parse(b) }));
        case 'invite.create':
          return call(
            `POST ${ORG}/invites`,
            () => org.invites.create({ email: action.email, role: action.role as never }),
            (b) => ({ kind: 'invite', item: S.InviteSchema.parse(b) }),
          );
        case 'invite.delete':
          return call(`DELETE ${ORG}/invites/${action.inviteId}`, () => org.invites.delete(action.inviteId), (b) => deleted(b, action.inviteId));
        case 'user.set-role':
          return call(`POST ${ORG}/users/${action.userId}`, () => org.users.update(action.userId, { role: action.role as never }), (b) => ({ kind: 'user', item: S.UserSchema.parse(b) }));
        case 'user.remove':
          return call(`DELETE ${ORG}/users/${action.userId}`, () => org.users.remove(action.userId), (b) => deleted(b, action.userId));
        case 'workspace-member.add':
          return call(
            `POST ${ORG}/workspaces/${action.workspaceId}/members`,
            () => org.workspaces.members.add(action.workspaceId, { user_id: action.userId, workspace_role: action.role as never }),
            (b) => ({ kind: 'workspace_member', item: S.WorkspaceMemberSchema.parse(b) }),
          );
        case 'workspace-member.set-role':
          return call(
            `POST ${ORG}/workspaces/${action.workspaceId}/members/${action.userId}`,
            () => org.workspaces.members.update(action.userId, { workspace_id: action.workspaceId, workspace_role: action.role as never }),
            (b) => ({ kind: 'workspace_member', item: S.WorkspaceMemberSchema.parse(b) }),
          );
        case 'workspace-member.remove':
          return call(
            `DELETE ${ORG}/workspaces/${action.workspaceId}/members/${action.userId}`,
            () => org.workspaces.members.remove(action.userId, { workspace_id: action.workspaceId }),
            (b) => deleted(b, `${action.workspaceId}/${action.userId}`),
          );
      }
    },
  };
}

function deleted(body: unknown, id: string): ActionResult {
  Deleted.parse(body);
  return { kind: 'deleted', id };
}
