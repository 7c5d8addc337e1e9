/**
 * The transport-free half of the gateway: look the channel up in the contract, parse the request, call the
 * handler, parse the response (which also strips any field the DTO does not declare), and wrap it all in a
 * result object. Unknown channels and bad payloads never reach a handler; stacks never leave main.
 */
import { channels, type ChannelName, type InvokeChannel, type Result } from '../../preload/contract';
import type { HandlerContext, Handlers } from './handler-types';
import { HandlerError } from './handler-error';
import { redactSecrets } from '../core/redact';

export type DispatchLog = (message: string, error?: unknown) => void;

const INTERNAL_MESSAGE = 'Something went wrong inside Clade Admin. The details are in the app log.';

export function isInvokeChannel(name: string): name is InvokeChannel {
  return Object.hasOwn(channels, name) && channels[name as ChannelName].kind === 'invoke';
}

export async function dispatch(
  handlers: Handlers,
  channel: string,
  payload: unknown,
  via: HandlerContext['via'],
  log: DispatchLog,
): Promise<Result<unknown>> {
  if (!isInvokeChannel(channel)) {
    return fail('unknown-channel', `There is no channel named ${JSON.stringify(channel.slice(0, 80))}.`);
  }
  const spec = channels[channel];
  const request = spec.request.safeParse(payload);
  if (!request.success) {
    const where = request.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(request)'}: ${issue.code}`)
      .join('; ');
    return fail('bad-request', `The request for ${channel} was not valid (${where}).`);
  }
  try {
    const handler = handlers[channel] as (request: unknown, ctx: HandlerContext) => Promise<unknown>;
    const value = await handler(request.data, { channel, via });
    const response = spec.response.safeParse(value);
    if (!response.success) {
      log(`Handler for ${channel} answered outside its contract`, response.error);
      return fail('internal', INTERNAL_MESSAGE);
    }
    return { ok: true, value: response.data };
  } catch (error) {
    if (error instanceof HandlerError) return fail(error.code, maskKeys(error.message));
    log(`Handler for ${channel} failed`, error);
    return fail('internal', INTERNAL_MESSAGE);
  }
}

function fail(code: Exclude<Result<never>, { ok: true }>['error']['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Belt and braces: whatever a handler wrote, no full Anthropic key crosses the boundary (the shared redaction
 * layer, which keeps prose like "sk-ant-admin01-…" and the API's partial hints readable).
 */
export function maskKeys(text: string): string {
  return redactSecrets(text);
}
