/**
 * Dotted setting keys over `AlertRules` for `clade-admin config get|set KEY VALUE` ("spend.thresholdsPct",
 * "budgets.orgMonthlyUsd", "budgets.workspaceMonthlyUsd.<workspace id>", "quietHours.start", …). Values arrive
 * as command-line text and are converted by the type of the setting, then the whole rules object is validated.
 */
import { defaultAlertRules, parseAlertRules, type AlertRules, type RulesResult } from './rules';

const WORKSPACE_BUDGETS = 'budgets.workspaceMonthlyUsd';
const NULLABLE = new Set(['budgets.orgMonthlyUsd']);
const CLEAR_WORDS = new Set(['', 'none', 'null', 'off']);

type Json = unknown;

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every settable key, in a stable order; workspace budgets appear per workspace id set. */
export function alertRuleKeys(rules: AlertRules = defaultAlertRules()): string[] {
  const keys: string[] = [];
  const walk = (value: Json, path: string): void => {
    if (path === WORKSPACE_BUDGETS) {
      keys.push(`${WORKSPACE_BUDGETS}.<workspace id>`);
      for (const id of Object.keys(value as Record<string, string>)) keys.push(`${WORKSPACE_BUDGETS}.${id}`);
      return;
    }
    if (isPlainObject(value))
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    else keys.push(path);
  };
  walk(rules, '');
  return keys;
}

function lookup(root: Json, path: string[]): Json {
  let value = root;
  for (const segment of path) {
    if (!isPlainObject(value) || !(segment in value)) return undefined;
    value = value[segment];
  }
  return value;
}

export function getAlertRule(
  rules: AlertRules,
  key: string,
): { ok: true; value: Json } | { ok: false; message: string } {
  const value = lookup(rules, key.split('.'));
  if (value === undefined) return { ok: false, message: unknownKey(key) };
  return { ok: true, value };
}

function unknownKey(key: string): string {
  return `unknown setting "${key}"; known settings: ${alertRuleKeys().join(', ')}`;
}

function parseScalar(raw: string, like: Json, key: string): { ok: true; value: Json } | { ok: false; message: string } {
  const text = raw.trim();
  if (typeof like === 'boolean') {
    if (['true', 'on', 'yes', '1'].includes(text.toLowerCase())) return { ok: true, value: true };
    if (['false', 'off', 'no', '0'].includes(text.toLowerCase())) return { ok: true, value: false };
    return { ok: false, message: `${key}: expected true or false, got "${raw}"` };
  }
  if (typeof like === 'number') {
    const value = Number(text);
    return text !== '' && Number.isFinite(value)
      ? { ok: true, value }
      : { ok: false, message: `${key}: expected a number, got "${raw}"` };
  }
  return { ok: true, value: text };
}

/** Text → the setting's type: lists as "50,80,95" or JSON arrays; "none" clears a budget. */
function convert(raw: string, key: string): { ok: true; value: Json } | { ok: false; message: string } {
  if (key.startsWith(`${WORKSPACE_BUDGETS}.`))
    return { ok: true, value: CLEAR_WORDS.has(raw.trim().toLowerCase()) ? undefined : raw.trim() };
  if (NULLABLE.has(key) && CLEAR_WORDS.has(raw.trim().toLowerCase())) return { ok: true, value: null };
  const like = lookup(defaultAlertRules(), key.split('.'));
  if (Array.isArray(like)) {
    const text = raw.trim();
    const items = text.startsWith('[')
      ? safeJsonArray(text)
      : text === ''
        ? []
        : text.split(',').map((item) => item.trim());
    if (items === null) return { ok: false, message: `${key}: expected a list such as "a,b" or a JSON array` };
    const converted = items.map((item) => parseScalar(String(item), like[0] ?? '', key));
    const failed = converted.find((item) => !item.ok);
    if (failed && !failed.ok) return failed;
    return { ok: true, value: converted.map((item) => (item.ok ? item.value : null)) };
  }
  return parseScalar(raw, NULLABLE.has(key) ? '' : like, key);
}

function safeJsonArray(text: string): Json[] | null {
  try {
    const parsed: Json = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Returns the new rules, or a message saying which key or value is wrong and why (nothing is half-applied). */
export function setAlertRule(rules: AlertRules, key: string, raw: string): RulesResult {
  const path = key.split('.');
  const isWorkspaceBudget = key.startsWith(`${WORKSPACE_BUDGETS}.`) && path.length === 3 && path[2] !== '';
  const current = lookup(rules, path);
  if (!isWorkspaceBudget && (current === undefined || isPlainObject(current)))
    return { ok: false, message: unknownKey(key) };
  const converted = convert(raw, key);
  if (!converted.ok) return converted;
  const copy = structuredClone(rules) as unknown as Record<string, Json>;
  const parent = lookup(copy, path.slice(0, -1)) as Record<string, Json>;
  const leaf = path[path.length - 1] ?? '';
  if (converted.value === undefined) delete parent[leaf];
  else parent[leaf] = converted.value;
  return parseAlertRules(copy);
}
