// The HTTP front: request-id on every response, auth, routing, JSON bodies, documented errors.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { authenticate } from './auth';
import { ApiError, errorBody } from './errors';
import { Query } from './query';
import type { Router } from './router';
import type { SandboxState } from './state';

const MAX_BODY_BYTES = 1_000_000;

export function newRequestId(): string {
  return `req_011C${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`;
}

/** Optional interception (faults, control API): return true when the response has been handled. */
export type Interceptor = (
  req: IncomingMessage, res: ServerResponse, ctx: { path: string; requestId: string; body: Buffer },
) => Promise<boolean> | boolean;

export interface ServerParts {
  state: SandboxState;
  router: Router;
  /** runs before auth for every request (control API) */
  preAuth?: Interceptor;
  /** runs after auth, before the route (faults) */
  preRoute?: Interceptor;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...extraHeaders,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: ApiError, requestId: string, extraHeaders: Record<string, string> = {}): void {
  sendJson(res, err.status, errorBody(err, requestId), extraHeaders);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(413, 'request_too_large', 'Request exceeds the maximum allowed size.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiError(400, 'invalid_request_error', 'The request body is not valid JSON.');
  }
}

export function createSandboxServer(parts: ServerParts): Server {
  return createServer((req, res) => {
    const requestId = newRequestId();
    res.setHeader('request-id', requestId);
    handle(parts, req, res, requestId).catch((err: unknown) => {
      if (res.headersSent || res.destroyed) return;
      const apiErr = err instanceof ApiError ? err : new ApiError(500, 'api_error', 'Internal server error');
      if (!(err instanceof ApiError)) console.error('[sandbox] unexpected error', err);
      sendError(res, apiErr, requestId);
    });
  });
}

async function handle(parts: ServerParts, req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.local');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const raw = await readBody(req);
  if (parts.preAuth && (await parts.preAuth(req, res, { path, requestId, body: raw }))) return;
  authenticate(parts.state.auth, req.headers);
  if (parts.preRoute && (await parts.preRoute(req, res, { path, requestId, body: raw }))) return;
  const match = parts.router.match(req.method ?? 'GET', path);
  if (match === undefined) throw new ApiError(404, 'not_found_error', `Not found: ${req.method} ${path}`);
  if (match === 'method') throw new ApiError(405, 'invalid_request_error', `Method ${req.method} not allowed for ${path}`);
  const body = req.method === 'POST' ? parseJsonBody(raw) : undefined;
  const result = await match.route.handler({
    state: parts.state, params: match.params, query: new Query(url.searchParams), body, headers: req.headers, requestId,
  });
  sendJson(res, 200, result);
}
