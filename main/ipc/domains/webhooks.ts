/**
 * `clade:webhooks/*`: the profile's team webhook from Settings (services/webhooks/webhook-service.ts). The URL goes
 * in once and never comes back: every answer is the status (set / not set, host, format, last outcome). Refusals
 * (not https, no keychain, no mirror yet) carry messages written for the admin that never quote the URL.
 */
import type { WebhookService } from '../../services/webhooks/webhook-service';
import { WebhookUnavailable } from '../../services/webhooks/webhook-service';
import { WebhookUrlRefused } from '../../services/webhooks/webhook-store';
import { HandlerError } from '../handler-error';
import type { Handler } from '../handler-types';

export interface WebhooksDeps {
  /** Absent in windows without a keychain (tests, benches): the channels answer `unavailable`. */
  webhooks?: Omit<WebhookService, 'deliver'>;
}

const NO_WEBHOOKS = 'Team webhooks cannot be set up in this window.';

export function webhooksHandlers(deps: WebhooksDeps): {
  'clade:webhooks/status': Handler<'clade:webhooks/status'>;
  'clade:webhooks/set': Handler<'clade:webhooks/set'>;
  'clade:webhooks/set-format': Handler<'clade:webhooks/set-format'>;
  'clade:webhooks/remove': Handler<'clade:webhooks/remove'>;
  'clade:webhooks/test': Handler<'clade:webhooks/test'>;
} {
  const service = (): Omit<WebhookService, 'deliver'> => {
    if (!deps.webhooks) throw new HandlerError('unavailable', NO_WEBHOOKS);
    return deps.webhooks;
  };
  return {
    'clade:webhooks/status': () => explained(() => service().status()),
    'clade:webhooks/set': ({ url, format }) => explained(() => service().set(url, format)),
    'clade:webhooks/set-format': ({ format }) => explained(() => service().setFormat(format)),
    'clade:webhooks/remove': () => explained(() => service().remove()),
    'clade:webhooks/test': () =>
      explained(async () => {
        const result = await service().test();
        return { delivered: result.ok, error: result.error };
      }),
  };
}

async function explained<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof WebhookUrlRefused)
      throw new HandlerError('bad-request', `Webhook URL refused: ${error.message}.`);
    if (error instanceof WebhookUnavailable) throw new HandlerError('unavailable', error.message);
    if (error instanceof Error && error.name === 'KeychainUnavailableError')
      throw new HandlerError('unavailable', error.message);
    throw error;
  }
}
