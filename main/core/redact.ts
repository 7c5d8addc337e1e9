/**
 * The redaction layer: every log line, error report and export passes through here so that
 * no full Anthropic key (admin `sk-ant-admin01-…`, API `sk-ant-api03-…`, OAuth `sk-ant-oat01-…`, …) ever leaves
 * main. The API's own `partial_key_hint` values (`sk-ant-api03-R2D...igAA`) stay visible: the key inventory needs
 * them, and they are built to be shown.
 */

/** What a masked key becomes: its kind stays readable (`sk-ant-admin01-…[redacted]`), the secret part does not. */
export const REDACTED_SUFFIX = '…[redacted]';

/**
 * `sk-ant-` then a run of base64url characters, optionally followed by an ellipsis (a partial hint). The look-behind
 * keeps us from matching inside a longer identifier. The run usually starts with a kind and version
 * (`admin01-`, `api03-`), which stays visible; older keys have none and are masked after `sk-ant-`.
 */
const KEY_PATTERN = /(?<![A-Za-z0-9_-])sk-ant-([A-Za-z0-9_-]+)((?:\.\.\.|…)?)/g;
const KIND_PREFIX = /^[a-z]+[0-9]*-/;

/** Shorter runs are not secrets (a hint's visible prefix, or prose like "sk-ant-admin01-TEST"). */
const MIN_SECRET_CHARS = 8;
/** A hint shows only a few leading characters before its ellipsis; a longer run before "..." is still masked. */
const MAX_HINT_PREFIX_CHARS = 12;

/**
 * Incoming-webhook URLs are credentials too: whoever has one can post to the channel. The well-known shapes (Slack,
 * Discord, Microsoft Teams, Google Chat, Power Automate) keep their scheme and host, so a message still says where; the path and
 * query that carry the secret are masked. A team webhook on another host is masked by its exact URL where the
 * delivery code knows it (`redactUrl`).
 */
const WEBHOOK_URL_PATTERN =
  /\b(https?:\/\/(?:hooks\.slack(?:-gov)?\.com|(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks|[a-z0-9-]+\.webhook\.office\.com|outlook\.office(?:365)?\.com\/webhook|chat\.googleapis\.com\/v1\/spaces|(?:[a-z0-9-]+\.)+logic\.azure\.com(?::\d+)?\/workflows))([/?][^\s"'<>`]*)/gi;

/** Masks every full key and well-known webhook URL in `text`; leaves partial hints and everything else untouched. Idempotent. */
export function redactSecrets(text: string): string {
  return text
    .replace(KEY_PATTERN, (whole, run: string, ellipsis: string) => {
      const kind = KIND_PREFIX.exec(run)?.[0] ?? '';
      const secret = run.slice(kind.length);
      const looksLikeHint = ellipsis !== '' && secret.length <= MAX_HINT_PREFIX_CHARS;
      if (looksLikeHint || secret.length < MIN_SECRET_CHARS) return whole;
      return `sk-ant-${kind}${REDACTED_SUFFIX}${ellipsis}`;
    })
    .replace(WEBHOOK_URL_PATTERN, (whole, head: string, rest: string) =>
      rest.startsWith(`/${REDACTED_SUFFIX}`) ? whole : `${head}/${REDACTED_SUFFIX}`,
    );
}

/**
 * Masks one known secret URL (a team webhook on any host) wherever it appears in `text`, keeping its origin: an
 * error from fetch or a proxy may quote it whole. Also masks what follows its origin when the text quotes only a
 * prefix of it (a truncated log line).
 */
export function redactUrl(text: string, url: string): string {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return text.split(url).join(REDACTED_SUFFIX);
  }
  const secretPart = url.slice(origin.length);
  let out = text.split(url).join(`${origin}/${REDACTED_SUFFIX}`);
  // A distinctive part of the path (≥ 8 chars) quoted without its origin.
  if (secretPart.length > 8) out = out.split(secretPart.slice(1)).join(REDACTED_SUFFIX);
  return out;
}

/** Header and field names whose string values are credentials whatever they look like. */
const CREDENTIAL_FIELDS = /^(authorization|x-api-key|api[-_]?key|admin[-_]?key|secret|password|webhook[-_]?url)$/i;

/**
 * A deep copy of `value` with every string redacted (object keys included), credential-named fields masked
 * entirely, and Errors turned into plain `{name, message, stack}` records. Safe on cycles. Use it on anything headed
 * for a log, an error report, an export or an IPC response built from foreign data.
 */
export function redactDeep<T>(value: T): T {
  return redactValue(value, new WeakMap()) as T;
}

function redactValue(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof Error) return redactError(value, seen);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(redactValue(item, seen));
    return copy;
  }
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    seen.set(value, copy);
    for (const [k, v] of value) copy.set(redactValue(k, seen), redactField(k, v, seen));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set<unknown>();
    seen.set(value, copy);
    for (const item of value) copy.add(redactValue(item, seen));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [k, v] of Object.entries(value)) copy[redactSecrets(k)] = redactField(k, v, seen);
  return copy;
}

function redactField(name: unknown, value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof name === 'string' && typeof value === 'string' && CREDENTIAL_FIELDS.test(name) && value !== '') {
    return '[redacted]';
  }
  return redactValue(value, seen);
}

function redactError(error: Error, seen: WeakMap<object, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  seen.set(error, copy);
  copy.name = error.name;
  copy.message = redactSecrets(error.message);
  if (error.stack) copy.stack = redactSecrets(error.stack);
  for (const [k, v] of Object.entries(error)) copy[redactSecrets(k)] = redactField(k, v, seen);
  if (error.cause !== undefined) copy.cause = redactValue(error.cause, seen);
  return copy;
}

/** `Bearer <token>` whatever the token looks like (an OAuth token, a JWT, a key of another service). */
const BEARER = /\b(Bearer)\s+(?!sk-ant-|\[redacted\])[A-Za-z0-9._~+/=-]{8,}/gi;
/** Query parameters that carry a credential in any URL (`?token=…`, `&sig=…`). */
const SECRET_QUERY =
  /([?&](?:token|access_token|api[_-]?key|key|secret|sig|signature|password)=)(?!sk-ant-)[^&#\s"'<>]{6,}/gi;

/**
 * Every credential shape a log line or a diagnostics report might carry: Anthropic keys and webhook URLs (Slack,
 * Discord, Teams, Google Chat, Power Automate; redactSecrets, the one rule for both), bearer tokens and credential
 * query parameters.
 * Idempotent. The log file and "Copy diagnostics" use it; redactSecrets stays the narrower rule for UI texts.
 */
export function redactCredentials(text: string): string {
  return redactSecrets(text)
    .replace(BEARER, (_whole, word: string) => `${word} ${REDACTED_MARK}`)
    .replace(SECRET_QUERY, (_whole, name: string) => `${name}${REDACTED_MARK}`);
}

const REDACTED_MARK = '[redacted]';
