// The HTTP front: request-id on every response, control API, auth, faults, routing, JSON bodies, documented errors.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { authenticate } from './auth';
import { ApiError, errorBody } from './errors';
import {
  applyFault,
  repeatCursor,
  requestCursor,
  resetResponse,
  shapeBody,
  type FaultInjector,
  type FaultRule,
} from './faults';
import { Query } from './query';
import type { Router } from './router';
import type { SandboxState } from './state';

const MAX_BODY_BYTES = 1_000_000;
const MAX_LOG = 2000;

export function newRequestId(): string {
  return `req_011C${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`;
}

export interface ServerParts {
  state: SandboxState;
  router: Router;
  faults: FaultInjector;
  /** the control API; answers requests under /_control */
  control: (req: IncomingMessage, res: ServerResponse, path: string, body: Buffer) => Promise<void>;
  /** runs before each API route (seeded events catching up with the clock) */
  beforeRoute?: () => void;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
  bodyMode?: FaultRule['body'],
): void {
  const text = shapeBody(JSON.stringify(body), bodyMode);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...extraHeaders,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: ApiError, requestId: string): void {
  sendJson(res, err.status, errorBody(err, requestId), err.headers);
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
    const started = parts.state.clock.nowMs();
    const path = new URL(req.url ?? '/', 'http://sandbox.local').pathname;
    let fault: string | undefined;
    res.on('close', () => {
      if (path.startsWith('/_control')) return;
      const log = parts.state.requestLog;
      log.push({
        atMs: started,
        method: req.method ?? 'GET',
        path,
        status: res.writableFinished ? res.statusCode : 0,
        ...(fault ? { fault } : {}),
      });
      if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
    });
    handle(parts, req, res, requestId, (f) => (fault = f)).catch((err: unknown) => {
      if (res.headersSent || res.destroyed) return;
      const apiErr = err instanceof ApiError ? err : new ApiError(500, 'api_error', 'Internal server error');
      if (!(err instanceof ApiError)) console.error('[sandbox] unexpected error', err);
      sendError(res, apiErr, requestId);
    });
  });
}

async function handle(
  parts: ServerParts,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  noteFault: (f: string) => void,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.local');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';
  const raw = await readBody(req);
  if (path === '/_control' || path.startsWith('/_control/')) return parts.control(req, res, path, raw);
  authenticate(parts.state.auth, req.headers);
  const rule = parts.faults.pick(method, path, requestCursor(url.searchParams));
  if (rule) {
    noteFault(describeFault(rule));
    if (await applyFault(rule, req, res, requestId)) return;
  }
  parts.beforeRoute?.();
  const match = parts.router.match(method, path);
  if (match === undefined) {
    // the Admin key reaches only the activity feed among the compliance routes
    if (path.startsWith('/v1/compliance/'))
      throw new ApiError(401, 'authentication_error', 'This Compliance API endpoint does not accept Admin API keys.');
    throw new ApiError(404, 'not_found_error', `Not found: ${method} ${path}`);
  }
  if (match === 'method') throw new ApiError(405, 'invalid_request_error', `Method ${method} not allowed for ${path}`);
  const body = method === 'POST' ? parseJsonBody(raw) : undefined;
  const result = await match.route.handler({
    state: parts.state,
    params: match.params,
    query: new Query(url.searchParams),
    body,
    headers: req.headers,
    requestId,
  });
  if (rule?.reset === 'after-apply') {
    resetResponse(req, true);
    return;
  }
  sendJson(res, 200, rule?.cursor === 'repeat' ? repeatCursor(result, url.searchParams) : result, {}, rule?.body);
}

/** How a fired fault shows in the request log. */
function describeFault(rule: FaultRule): string {
  if (rule.cursor) return `cursor ${rule.cursor}`;
  if (rule.reset) return `reset ${rule.reset === true ? 'headers' : rule.reset}`;
  if (rule.status !== undefined) return `status ${rule.status}`;
  return rule.body ?? `latency ${rule.latencyMs ?? 0}ms`;
}
