// Fault injection: per-route rules from a JSON file or the control API. A rule matches by method and path glob,
// fires on every n-th matching request or with a seeded probability (or always), optionally a limited number of
// times, and then answers with an error status (429 with retry-after / retry-after-ms / neither, 500, 503, 529 …),
// adds latency, sends a truncated or malformed body, or resets the connection mid-response.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ApiError, errorBody, errorTypeForStatus } from './errors';
import { createRng, hashSeed, type Rng } from './model/prng';

export const faultRuleSchema = z
  .object({
    /** path glob, `*` matches anything (e.g. "/v1/organizations/users*"); default: every API route */
    route: z.string().optional(),
    method: z.enum(['GET', 'POST', 'DELETE']).optional(),
    /** fire on every n-th matching request (n ≥ 1) */
    every: z.number().int().positive().optional(),
    /** fire with this probability, drawn from a seeded generator */
    probability: z.number().min(0).max(1).optional(),
    /** stop after firing this many times */
    times: z.number().int().positive().optional(),
    status: z.number().int().min(400).max(599).optional(),
    retryAfterSeconds: z.number().nonnegative().optional(),
    retryAfterMs: z.number().nonnegative().optional(),
    latencyMs: z.number().int().nonnegative().optional(),
    body: z.enum(['truncated', 'malformed']).optional(),
    /** reset the connection mid-response: `true`/"headers" = inside the response headers; "body" = after the
     *  headers, inside the body. SDK 1.17 retries both and then raises APIConnectionError (for "body" with the
     *  fetch's TypeError "terminated" as its cause; SDK ≤ 1.16 raised that TypeError at once, without a retry).
     *  "after-apply" = the request is carried out first, then the answer is cut inside its body: the change happened
     *  but the client never hears so (what a retried POST would apply twice) */
    reset: z.union([z.boolean(), z.enum(['headers', 'body', 'after-apply'])]).optional(),
    message: z.string().optional(),
    /** error.details.error_code, e.g. "concurrent_membership_change" with status 409 */
    errorCode: z.string().optional(),
    /** sends `x-should-retry: true|false`, which overrides the SDK's own retry decision */
    shouldRetry: z.boolean().optional(),
    /** a cursor fault, on requests that carry a cursor (`page`, `after_id` or `before_id`) only:
     *  "reject-once" = 400 `page: invalid page cursor` the first time (`times` defaults to 1);
     *  "repeat" = a normal answer whose next cursor is the one the request sent, so paging never advances */
    cursor: z.enum(['reject-once', 'repeat']).optional(),
  })
  .strict();

export type FaultRule = z.infer<typeof faultRuleSchema>;

export function parseFaultRules(value: unknown): FaultRule[] {
  return z.array(faultRuleSchema).parse(value);
}

/** For the CLI's `--faults file.json`: a JSON array of FaultRule. Throws with a readable message when invalid. */
export function loadFaultsFile(path: string): FaultRule[] {
  const text = readFileSync(path, 'utf8');
  try {
    return parseFaultRules(JSON.parse(text));
  } catch (err) {
    throw new Error(`invalid faults file ${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

interface LiveRule {
  rule: FaultRule;
  matched: number;
  fired: number;
  rng: Rng;
  pattern: RegExp;
}

export class FaultInjector {
  private rules: LiveRule[] = [];

  constructor(
    private readonly seed: number,
    rules: FaultRule[] = [],
  ) {
    this.set(rules);
  }

  set(rules: FaultRule[]): void {
    this.rules = [];
    this.add(rules);
  }

  add(rules: FaultRule[]): void {
    for (const rule of rules) {
      const pattern = new RegExp(
        `^${(rule.route ?? '*')
          .split('*')
          .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
      );
      this.rules.push({
        rule,
        matched: 0,
        fired: 0,
        rng: createRng(hashSeed(this.seed, 'fault', this.rules.length)),
        pattern,
      });
    }
  }

  list(): Array<FaultRule & { matched: number; fired: number }> {
    return this.rules.map((r) => ({ ...r.rule, matched: r.matched, fired: r.fired }));
  }

  /** The rule that fires for this request, if any (counts every matching request). */
  pick(method: string, path: string, cursor: string | null = null): FaultRule | undefined {
    for (const live of this.rules) {
      const { rule } = live;
      if (rule.method && rule.method !== method) continue;
      if (!live.pattern.test(path)) continue;
      if (rule.cursor !== undefined && cursor === null) continue;
      const times = rule.times ?? (rule.cursor === 'reject-once' ? 1 : undefined);
      if (times !== undefined && live.fired >= times) continue;
      live.matched++;
      const fires =
        rule.every !== undefined
          ? live.matched % rule.every === 0
          : rule.probability !== undefined
            ? live.rng.next() < rule.probability
            : true;
      if (!fires) continue;
      live.fired++;
      return rule;
    }
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Applies a fired rule. Returns true when the response has been fully handled (no normal answer follows). */
export async function applyFault(
  rule: FaultRule,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
): Promise<boolean> {
  if (rule.latencyMs) await sleep(rule.latencyMs);
  if (rule.cursor === 'reject-once') {
    const err = new ApiError(400, 'invalid_request_error', rule.message ?? 'page: invalid page cursor', rule.errorCode);
    const text = JSON.stringify(errorBody(err, requestId));
    res.writeHead(400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
    return true;
  }
  if (rule.reset === 'after-apply') return false; // the server resets after the route has run (resetResponse)
  if (rule.reset) {
    resetResponse(req, rule.reset === 'body');
    return true;
  }
  if (rule.status !== undefined) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (rule.retryAfterSeconds !== undefined) headers['retry-after'] = String(rule.retryAfterSeconds);
    if (rule.retryAfterMs !== undefined) headers['retry-after-ms'] = String(rule.retryAfterMs);
    if (rule.shouldRetry !== undefined) headers['x-should-retry'] = String(rule.shouldRetry);
    const err = new ApiError(
      rule.status,
      errorTypeForStatus(rule.status),
      rule.message ?? defaultMessage(rule.status),
      rule.errorCode,
    );
    const text = shapeBody(JSON.stringify(errorBody(err, requestId)), rule.body);
    res.writeHead(rule.status, { ...headers, 'content-length': Buffer.byteLength(text) });
    res.end(text);
    return true;
  }
  return false;
}

/** Part of a response, then a TCP reset: inside the headers, or inside the body. */
export function resetResponse(req: IncomingMessage, inBody: boolean): void {
  const socket = req.socket;
  socket.write(
    inBody
      ? 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 4096\r\n\r\n{"data":[{"id":'
      : 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n',
  );
  setImmediate(() => socket.resetAndDestroy());
}

/** The cursor a request carries (a report's or PageCursor list's `page`, a Page list's `after_id`/`before_id`). */
export function requestCursor(params: URLSearchParams): string | null {
  return params.get('page') ?? params.get('after_id') ?? params.get('before_id');
}

/**
 * The "repeat" cursor fault on a successful answer: the next cursor is the one the request sent (`next_page` of
 * reports and PageCursor lists, `last_id` of Page lists with more to come), so a client that trusts it never advances.
 */
export function repeatCursor(result: unknown, params: URLSearchParams): unknown {
  if (result === null || typeof result !== 'object') return result;
  const body = { ...(result as Record<string, unknown>) };
  const page = params.get('page');
  if (page !== null && 'next_page' in body) {
    body['next_page'] = page;
    if ('has_more' in body) body['has_more'] = true;
  }
  const after = params.get('after_id');
  if (after !== null && 'last_id' in body) {
    body['last_id'] = after;
    body['has_more'] = true;
  }
  return body;
}

/** Body faults on a successful answer are applied by the server through this. */
export function shapeBody(text: string, mode: FaultRule['body']): string {
  if (mode === 'truncated') return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  if (mode === 'malformed') return '<html><body><h1>502 Bad Gateway</h1></body></html>';
  return text;
}

function defaultMessage(status: number): string {
  switch (status) {
    case 429:
      return 'Number of requests has exceeded your rate limit. Please try again later.';
    case 529:
      return 'Overloaded';
    case 503:
      return 'Service temporarily unavailable';
    default:
      return status >= 500 ? 'Internal server error' : 'Injected fault';
  }
}
