/**
 * The only place that builds the SDK client. Every client the app makes gets the same rules: the key goes only to
 * the API or a loopback sandbox (the base-URL rule), never with an ambient ANTHROPIC_AUTH_TOKEN beside it
 * (`authToken: null`), through the configured proxy for the real API, with explicit retries and timeout, and
 * every HTTP request (retries included) counted.
 */
import Anthropic from '@anthropic-ai/sdk';
import { checkBaseUrl, PRODUCTION_BASE_URL } from '../../core/base-url';
import { proxyFetchFromEnv } from './proxy-fetch';

export interface AnthropicClientOptions {
  apiKey: string;
  baseURL: string;
  /** SDK retries per request (429 honouring retry-after, 5xx, dropped connections). Default 3, the sync's. */
  maxRetries?: number;
  /** Per-request timeout. Default 60 s, the sync's. */
  timeoutMs?: number;
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read from (default: process.env). */
  env?: Record<string, string | undefined>;
  /** The transport (default: global fetch, or the proxy for the real API); tests pass a recording one. */
  fetch?: typeof fetch;
  /** Told of every 429 the API answers (retries included), so the sync can slow down. */
  onRateLimited?: () => void;
}

export interface CountedClient {
  client: Anthropic;
  /** HTTP requests this client has sent, retries included. */
  requestCount(): number;
}

/** Throws when the base URL breaks the rule: nothing is built, nothing is sent. */
export function createAnthropicClient(opts: AnthropicClientOptions): CountedClient {
  const base = checkBaseUrl(opts.baseURL);
  if (!base.ok) throw new Error(`refusing base URL: ${base.reason}`);
  // A loopback sandbox is reached directly; only the real API goes through a configured proxy.
  const proxied = base.url === PRODUCTION_BASE_URL ? proxyFetchFromEnv(opts.env ?? process.env) : null;
  const send = opts.fetch ?? proxied ?? fetch;
  let requests = 0;
  const client = new Anthropic({
    apiKey: opts.apiKey,
    authToken: null,
    baseURL: base.url,
    maxRetries: opts.maxRetries ?? 3,
    timeout: opts.timeoutMs ?? 60_000,
    fetch: async (input, init) => {
      requests += 1;
      const response = await send(input, init);
      if (response.status === 429) opts.onRateLimited?.();
      return response;
    },
  });
  return { client, requestCount: () => requests };
}
