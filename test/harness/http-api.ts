/**
 * The harness's HTTP face of the gateway: POST /api/<channel> answers through the SAME `dispatch` and
 * handlers as Electron IPC; GET /api/events streams push channels (server-sent events). Only same-origin
 * requests are served, so another page in the browser cannot drive the harness (no CSRF, no rebinding).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { channels, type PushChannel, type ResponseOf } from '../../preload/contract';
import { dispatch } from '../../main/ipc/dispatch';
import type { Handlers } from '../../main/ipc/handler-types';

const MAX_BODY_BYTES = 64 * 1024;

export interface HttpApi {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  push<K extends PushChannel>(channel: K, payload: ResponseOf<K>): void;
  close(): void;
}

export function createHttpApi(handlers: Handlers, log: (message: string, error?: unknown) => void): HttpApi {
  const streams = new Set<ServerResponse>();
  return {
    async handle(req, res) {
      if (!isSameOrigin(req))
        return sendJson(res, 403, {
          ok: false,
          error: { code: 'forbidden-sender', message: 'Cross-origin request refused.' },
        });
      const path = new URL(req.url ?? '/', 'http://harness.invalid').pathname;
      if (req.method === 'GET' && path === '/api/events') {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (req.method !== 'POST')
        return sendJson(res, 405, { ok: false, error: { code: 'bad-request', message: 'Use POST.' } });
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req)) || '{}');
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'bad-request', message: 'The body is not JSON.' } });
      }
      const request = typeof body === 'object' && body !== null ? (body as { request?: unknown }).request : undefined;
      sendJson(res, 200, await dispatch(handlers, path.slice('/api/'.length), request, 'http', log));
    },
    push(channel, payload) {
      const data = JSON.stringify({ channel, payload: channels[channel].response.parse(payload) });
      for (const stream of streams) stream.write(`data: ${data}\n\n`);
    },
    close() {
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}

/** Browsers send Origin on POST and on EventSource; it must be this server's own origin. */
function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!host) return false;
  if (origin === undefined) return req.method === 'GET' || req.headers['sec-fetch-site'] === 'same-origin';
  return origin === `http://${host}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}
