/**
 * Channels for the profile's team webhook (Settings): the URL is write-only, like the admin key. The window sends it
 * once (`set`) and from then on learns only "set / not set", the host it posts to, the format and how the last post
 * went; no channel ever answers with the URL. Spread into the one channel table in contract.ts.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';

export const WebhookFormatName = z.enum(['slack', 'json']);
export type WebhookFormatChoice = z.infer<typeof WebhookFormatName>;

export const WebhookStatusDto = z.object({
  configured: z.boolean(),
  /** Host (and port) only, e.g. hooks.slack.com: the path holds the secret. */
  host: z.string().nullable(),
  format: WebhookFormatName.nullable(),
  lastSuccessAtMs: z.number().nullable(),
  lastFailureAtMs: z.number().nullable(),
  /** Why the last post failed (redacted: no URL); null when the last one went out. */
  lastFailure: z.string().nullable(),
});
export type WebhookStatus = z.infer<typeof WebhookStatusDto>;

export const SetWebhookRequest = z.object({ url: z.string().min(1).max(2048), format: WebhookFormatName });

/** `delivered` rather than `ok`: an answer shaped like a result object would read as one. */
export const WebhookTestResultDto = z.object({ delivered: z.boolean(), error: z.string().nullable() });
export type WebhookTestResult = z.infer<typeof WebhookTestResultDto>;

export const webhooksChannels = {
  'clade:webhooks/status': { kind: 'invoke', request: z.undefined(), response: WebhookStatusDto },
  /** Main checks the URL (https, or loopback http), stores it in the keychain, and answers the status. */
  'clade:webhooks/set': { kind: 'invoke', request: SetWebhookRequest, response: WebhookStatusDto },
  'clade:webhooks/set-format': {
    kind: 'invoke',
    request: z.object({ format: WebhookFormatName }),
    response: WebhookStatusDto,
  },
  'clade:webhooks/remove': { kind: 'invoke', request: z.undefined(), response: WebhookStatusDto },
  'clade:webhooks/test': { kind: 'invoke', request: z.undefined(), response: WebhookTestResultDto },
} as const satisfies Record<string, ChannelSpec>;
