/**
 * Sends one admin action to the Admin API through the official SDK (typed methods for all of them) and validates
 * the answer with the sync's own schemas. Errors leave as the core's AdminApiError. The key is given per client and
 * lives only in this closure; nothing here logs.
 *
 * No SDK retries: since SDK 1.17 a connection dropped mid-response is retried, which could send a POST that already
 * succeeded a second time (a second invite, a role flipped back). Instead, `confirm` reads the target back after a
 * failure that may have happened after the API acted, and the caller reports what really happened.
 */
import { z } from 'zod';
import type { AdminAction, ActionResult } from '../../core/actions';
import { AdminApiError } from '../../core/api-error';
import { toAdminApiError } from './errors';
import { createAnthropicClient } from './client';
import * as S from './schemas';

export interface AdminActionsPort {
  send(action: AdminAction): Promise<ActionResult>;
  /** Reads the action's target back: its result when the change is in place, null when it is not. */
  confirm(action: AdminAction): Promise<ActionResult | null>;
}

export interface AdminActionsClientOptions {
  apiKey: string;
  baseURL: string;
  /** The SDK's retries. Default 0: a retried POST could apply twice (see above); `confirm` reads back instead. */
  maxRetries?: number;
  env?: Record<string, string | undefined>;
}

const ORG = '/v1/organizations';
const Deleted = z.object({ type: z.string() }).passthrough();

export function createAdminActionsClient(opts: AdminActionsClientOptions): AdminActionsPort {
  const { client } = createAnthropicClient({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL,
    maxRetries: opts.maxRetries ?? 0,
    timeoutMs: 30_000,
    ...(opts.env ? { env: opts.env } : {}),
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
      throw toAdminApiError(
        new Error(`unexpected answer: ${error instanceof Error ? error.message : String(error)}`),
        endpoint,
      );
    }
  }

  /** A read that answers null on 404 (the target is gone), the parsed body otherwise. */
  async function read<T>(
    endpoint: string,
    run: () => Promise<unknown>,
    parse: (body: unknown) => T,
  ): Promise<T | null> {
    try {
      return await call(endpoint, run, parse);
    } catch (error) {
      if (error instanceof AdminApiError && error.kind === 'not_found') return null;
      throw error;
    }
  }

  async function confirm(action: AdminAction): Promise<ActionResult | null> {
    switch (action.kind) {
      case 'apikey.set-status':
      case 'apikey.rename': {
        const key = await read(
          `GET ${ORG}/api_keys/${action.keyId}`,
          () => org.apiKeys.retrieve(action.keyId),
          (b) => S.ApiKeySchema.parse(b),
        );
        const done =
          key !== null && (action.kind === 'apikey.rename' ? key.name === action.name : key.status === action.status);
        return done ? { kind: 'api_key', item: key } : null;
      }
      case 'invite.create': {
        const page = await call(
          `GET ${ORG}/invites`,
          () => org.invites.list({ email: action.email, limit: 100 }),
          (b) => S.pageSchema(S.InviteSchema).parse(b),
        );
        const invite = page.data.find(
          (i) =>
            i.status === 'pending' && i.email.toLowerCase() === action.email.toLowerCase() && i.role === action.role,
        );
        return invite ? { kind: 'invite', item: invite } : null;
      }
      case 'invite.delete': {
        const invite = await read(
          `GET ${ORG}/invites/${action.inviteId}`,
          () => org.invites.retrieve(action.inviteId),
          (b) => S.InviteSchema.parse(b),
        );
        return invite === null || invite.status === 'deleted' ? { kind: 'deleted', id: action.inviteId } : null;
      }
      case 'user.set-role': {
        const user = await read(
          `GET ${ORG}/users/${action.userId}`,
          () => org.users.retrieve(action.userId),
          (b) => S.UserSchema.parse(b),
        );
        return user !== null && user.role === action.role ? { kind: 'user', item: user } : null;
      }
      case 'user.remove': {
        const user = await read(
          `GET ${ORG}/users/${action.userId}`,
          () => org.users.retrieve(action.userId),
          (b) => S.UserSchema.parse(b),
        );
        return user === null ? { kind: 'deleted', id: action.userId } : null;
      }
      case 'workspace-member.add':
      case 'workspace-member.set-role':
      case 'workspace-member.remove': {
        const member = await read(
          `GET ${ORG}/workspaces/${action.workspaceId}/members/${action.userId}`,
          () => org.workspaces.members.retrieve(action.userId, { workspace_id: action.workspaceId }),
          (b) => S.WorkspaceMemberSchema.parse(b),
        );
        if (action.kind === 'workspace-member.remove')
          return member === null ? { kind: 'deleted', id: `${action.workspaceId}/${action.userId}` } : null;
        return member !== null && member.workspace_role === action.role
          ? { kind: 'workspace_member', item: member }
          : null;
      }
    }
  }

  return {
    confirm,
    send(action) {
      switch (action.kind) {
        case 'apikey.set-status':
          return call(
            `POST ${ORG}/api_keys/${action.keyId}`,
            () => org.apiKeys.update(action.keyId, { status: action.status }),
            (b) => ({ kind: 'api_key', item: S.ApiKeySchema.parse(b) }),
          );
        case 'apikey.rename':
          return call(
            `POST ${ORG}/api_keys/${action.keyId}`,
            () => org.apiKeys.update(action.keyId, { name: action.name }),
            (b) => ({ kind: 'api_key', item: S.ApiKeySchema.parse(b) }),
          );
        case 'invite.create':
          return call(
            `POST ${ORG}/invites`,
            () => org.invites.create({ email: action.email, role: action.role as never }),
            (b) => ({ kind: 'invite', item: S.InviteSchema.parse(b) }),
          );
        case 'invite.delete':
          return call(
            `DELETE ${ORG}/invites/${action.inviteId}`,
            () => org.invites.delete(action.inviteId),
            (b) => deleted(b, action.inviteId),
          );
        case 'user.set-role':
          return call(
            `POST ${ORG}/users/${action.userId}`,
            () => org.users.update(action.userId, { role: action.role as never }),
            (b) => ({ kind: 'user', item: S.UserSchema.parse(b) }),
          );
        case 'user.remove':
          return call(
            `DELETE ${ORG}/users/${action.userId}`,
            () => org.users.remove(action.userId),
            (b) => deleted(b, action.userId),
          );
        case 'workspace-member.add':
          return call(
            `POST ${ORG}/workspaces/${action.workspaceId}/members`,
            () =>
              org.workspaces.members.add(action.workspaceId, {
                user_id: action.userId,
                workspace_role: action.role as never,
              }),
            (b) => ({ kind: 'workspace_member', item: S.WorkspaceMemberSchema.parse(b) }),
          );
        case 'workspace-member.set-role':
          return call(
            `POST ${ORG}/workspaces/${action.workspaceId}/members/${action.userId}`,
            () =>
              org.workspaces.members.update(action.userId, {
                workspace_id: action.workspaceId,
                workspace_role: action.role as never,
              }),
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
