/**
 * What a channel handler is. Handlers are plain async functions of (parsed request, context), so the same
 * functions answer Electron IPC (gateway.ts) and the web harness's HTTP calls (test/harness).
 */
import type { InvokeChannel, RequestOf, ResponseOf } from '../../preload/contract';

export interface HandlerContext {
  channel: InvokeChannel;
  /** Which door the call came through; handlers must not behave differently, it is for logs only. */
  via: 'ipc' | 'http';
}

export type Handler<K extends InvokeChannel> = (request: RequestOf<K>, ctx: HandlerContext) => Promise<ResponseOf<K>>;

/**
 * One handler per invoke channel of the contract. `createHandlers` is typed to return this, so adding a
 * channel to the contract without a handler fails the typecheck.
 */
export type Handlers = { [K in InvokeChannel]: Handler<K> };
