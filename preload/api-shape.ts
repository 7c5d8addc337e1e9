/**
 * The shape of `window.api`, derived from the contract table, and the one function that builds it from a
 * transport. Preload builds it over ipcRenderer, the web harness over HTTP, renderer tests over a fake;
 * all three therefore expose exactly the same methods. No runtime imports: this file is bundled into the
 * harness shim as well.
 */
import type { ChannelName, Channels, InvokeChannel, PushChannel, RequestInput, ResponseOf, Result } from './contract';

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;
type DomainOf<K> = K extends `clade:${infer D}/${string}` ? D : never;
type ActionOf<K> = K extends `clade:${string}/${infer A}` ? A : never;

/** `clade:org/tree` → `tree`; `clade:sync/progress-changed` → `onProgressChanged`. */
export type MethodName<K extends ChannelName> = Channels[K]['kind'] extends 'push'
  ? `on${Capitalize<CamelCase<ActionOf<K>>>}`
  : CamelCase<ActionOf<K>>;

export type InvokeMethod<K extends InvokeChannel> =
  undefined extends RequestInput<K>
    ? (request?: RequestInput<K>) => Promise<Result<ResponseOf<K>>>
    : (request: RequestInput<K>) => Promise<Result<ResponseOf<K>>>;
export type Unsubscribe = () => void;
export type PushMethod<K extends PushChannel> = (listener: (payload: ResponseOf<K>) => void) => Unsubscribe;

type MethodOf<K extends ChannelName> = K extends InvokeChannel
  ? InvokeMethod<K>
  : K extends PushChannel
    ? PushMethod<K>
    : never;

export type Domain = DomainOf<ChannelName>;
export type DomainApi<D extends Domain> = {
  [K in ChannelName as DomainOf<K> extends D ? MethodName<K> : never]: MethodOf<K>;
};
/** `window.api`: one object per domain (`api.org.tree()`, `api.sync.onProgressChanged(fn)`). */
export type ClientApi = { [D in Domain]: DomainApi<D> };

export interface ApiTransport {
  invoke(channel: string, request: unknown): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): Unsubscribe;
}

export function methodNameOf(channel: string, kind: 'invoke' | 'push'): { domain: string; method: string } {
  const match = /^clade:([a-z][a-z0-9-]*)\/([a-z][a-z0-9-]*)$/.exec(channel);
  if (!match) throw new Error(`Channel name does not follow clade:<domain>/<action>: ${channel}`);
  const camel = match[2]!.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
  const method = kind === 'push' ? `on${camel.charAt(0).toUpperCase()}${camel.slice(1)}` : camel;
  return { domain: match[1]!, method };
}

/** Builds the api object. The result is plain data and functions, safe to hand to contextBridge. */
export function buildClientApi(
  kinds: ReadonlyArray<{ name: string; kind: 'invoke' | 'push' }>,
  transport: ApiTransport,
): ClientApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const { name, kind } of kinds) {
    const { domain, method } = methodNameOf(name, kind);
    const target = (api[domain] ??= {});
    target[method] =
      kind === 'invoke'
        ? (request?: unknown) => transport.invoke(name, request)
        : (listener: (payload: unknown) => void) => {
            if (typeof listener !== 'function') throw new TypeError(`${method} needs a listener function`);
            return transport.subscribe(name, listener);
          };
  }
  return api as unknown as ClientApi;
}
