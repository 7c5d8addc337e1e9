/**
 * Corporate proxies: when HTTPS_PROXY / HTTP_PROXY (either case) is set, requests go through undici's
 * EnvHttpProxyAgent, which also honours NO_PROXY. Node 20's built-in fetch ignores these variables.
 */
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';

export type Env = Record<string, string | undefined>;

function pick(env: Env, name: string): string | undefined {
  return env[name] ?? env[name.toLowerCase()] ?? undefined;
}

/** A fetch that goes through the configured proxy, or null when no proxy is configured. */
export function proxyFetchFromEnv(env: Env): typeof fetch | null {
  const httpsProxy = pick(env, 'HTTPS_PROXY');
  const httpProxy = pick(env, 'HTTP_PROXY');
  if (!httpsProxy && !httpProxy) return null;
  const noProxy = pick(env, 'NO_PROXY');
  const dispatcher = new EnvHttpProxyAgent({
    ...(httpProxy ? { httpProxy } : {}),
    ...(httpsProxy ? { httpsProxy } : {}),
    ...(noProxy !== undefined ? { noProxy } : {}),
  });
  return ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) =>
    undiciFetch(input as never, { ...(init as object), dispatcher } as never)) as unknown as typeof fetch;
}
