/**
 * Alert rules as data: every threshold and policy the evaluators read, with defaults an admin can
 * edit (`clade-admin config set`, the alert centre). Stored as JSON in the mirror's settings; validated here.
 */
import { z } from 'zod';
import { isKnownTimeZone, parseClockTime } from '../time';
import { isDecimalString, usdToNanocents } from './money';
import { RULE_IDS, type RuleId } from './types';

export interface AlertRules {
  /** Rules switched off entirely. */
  disabledRules: RuleId[];
  budgets: {
    /** Org-wide monthly budget in USD ("1500", "1500.50"); null = none. */
    orgMonthlyUsd: string | null;
    /** Per-workspace monthly budgets in USD, keyed by workspace id ('default' for the id-less default workspace). */
    workspaceMonthlyUsd: Record<string, string>;
  };
  spend: {
    /** Percent of a budget or limit at which to alert; only the highest one reached is open at a time. */
    thresholdsPct: number[];
    /** Also alert against the org/workspace monthly spend limits read from the API. */
    useApiSpendLimits: boolean;
  };
  forecast: {
    enabled: boolean;
    /** Completed UTC days (before today) whose cost feeds the per-weekday-type daily rate. */
    historyDays: number;
    /** No forecast with fewer completed days of data than this. */
    minHistoryDays: number;
  };
  anomaly: {
    /** A day at or above factor × the trailing median is anomalous… */
    factor: number;
    /** …and at or above this floor (USD), so cents-level noise never alerts. */
    floorUsd: string;
    trailingDays: number;
    minHistoryDays: number;
    /** How many of the latest UTC days (today included) are checked. */
    lookbackDays: number;
  };
  keys: {
    /** Days before `expires_at` to warn; the smallest reached is the open one. */
    expiryDays: number[];
    rotationDays: number;
    dormantDays: number;
  };
  people: {
    privilegedRoles: string[];
    /** How long a new privileged member or production key change stays an open condition. */
    recentChangeDays: number;
    pendingInviteDays: number;
    inviteExpiringDays: number;
  };
  production: {
    /** Case-insensitive regular expression matched against workspace names and tag keys/values. */
    pattern: string;
    matchNames: boolean;
    matchTags: boolean;
    /** Workspaces treated as production whatever their name ('default' for the id-less default workspace). */
    workspaceIds: string[];
  };
  sync: {
    /** Data older than this cannot be trusted for alerts (check exits 3). */
    staleAfterHours: number;
  };
  /** Notifications are held between start and end, local time in `timeZone` (the admin's zone for all texts). */
  quietHours: { enabled: boolean; start: string; end: string; timeZone: string };
  /** A morning summary of open episodes, once per local day at `at` (in quietHours.timeZone). */
  digest: { enabled: boolean; at: string };
}

/** The defaults; pass the admin's IANA zone (the app reads the system's) for quiet hours, digest and dates. */
export function defaultAlertRules(timeZone = 'UTC'): AlertRules {
  return {
    disabledRules: [],
    budgets: { orgMonthlyUsd: null, workspaceMonthlyUsd: {} },
    spend: { thresholdsPct: [50, 80, 95, 100], useApiSpendLimits: true },
    forecast: { enabled: true, historyDays: 28, minHistoryDays: 7 },
    anomaly: { factor: 3, floorUsd: '10', trailingDays: 14, minHistoryDays: 7, lookbackDays: 2 },
    keys: { expiryDays: [14, 7, 1], rotationDays: 90, dormantDays: 30 },
    people: {
      privilegedRoles: ['admin', 'owner', 'primary_owner'],
      recentChangeDays: 7,
      pendingInviteDays: 7,
      inviteExpiringDays: 3,
    },
    production: { pattern: '(^|[^a-z])prod(uction)?([^a-z]|$)', matchNames: true, matchTags: true, workspaceIds: [] },
    sync: { staleAfterHours: 6 },
    quietHours: { enabled: false, start: '22:00', end: '07:00', timeZone },
    digest: { enabled: false, at: '08:30' },
  };
}

const usdAmount = z.string().refine((value) => isDecimalString(value) && (usdToNanocents(value) ?? 0n) > 0n, {
  message: 'must be a positive USD amount written as a decimal, e.g. "1500" or "1500.50"',
});
const clockTime = z
  .string()
  .refine((value) => parseClockTime(value) !== null, { message: 'must be a time "HH:MM" (24 h)' });
const uniqueInts = (min: number, max: number) =>
  z
    .array(z.number().int().min(min).max(max))
    .refine((values) => new Set(values).size === values.length, { message: 'must not repeat a value' });
const days = z.number().int().min(1).max(3650);

export const alertRulesSchema = z
  .object({
    disabledRules: z.array(z.enum(RULE_IDS as [RuleId, ...RuleId[]])),
    budgets: z.strictObject({
      orgMonthlyUsd: usdAmount.nullable(),
      workspaceMonthlyUsd: z.record(z.string().min(1), usdAmount),
    }),
    spend: z.strictObject({ thresholdsPct: uniqueInts(1, 1000), useApiSpendLimits: z.boolean() }),
    forecast: z.strictObject({
      enabled: z.boolean(),
      historyDays: z.number().int().min(7).max(90),
      minHistoryDays: z.number().int().min(1).max(90),
    }),
    anomaly: z.strictObject({
      factor: z.number().min(1.1).max(100),
      floorUsd: z.string().refine((value) => usdToNanocents(value) !== null, {
        message: 'must be a USD amount written as a decimal, e.g. "10"',
      }),
      trailingDays: z.number().int().min(3).max(90),
      minHistoryDays: z.number().int().min(1).max(90),
      lookbackDays: z.number().int().min(1).max(14),
    }),
    keys: z.strictObject({ expiryDays: uniqueInts(1, 365), rotationDays: days, dormantDays: days }),
    people: z.strictObject({
      privilegedRoles: z.array(z.string().min(1)),
      recentChangeDays: days,
      pendingInviteDays: days,
      inviteExpiringDays: days,
    }),
    production: z.strictObject({
      pattern: z.string().min(1).refine(compiles, { message: 'must be a valid regular expression' }),
      matchNames: z.boolean(),
      matchTags: z.boolean(),
      workspaceIds: z.array(z.string().min(1)),
    }),
    sync: z.strictObject({
      staleAfterHours: z
        .number()
        .positive()
        .max(24 * 90),
    }),
    quietHours: z
      .strictObject({
        enabled: z.boolean(),
        start: clockTime,
        end: clockTime,
        timeZone: z.string().refine(isKnownTimeZone, { message: 'must be an IANA time zone such as "Europe/Berlin"' }),
      })
      .refine((hours) => hours.start !== hours.end, { message: 'start and end must differ', path: ['end'] }),
    digest: z.strictObject({ enabled: z.boolean(), at: clockTime }),
  })
  .strict();

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

export type RulesResult = { ok: true; rules: AlertRules } | { ok: false; message: string };

/** One line per problem, "spend.thresholdsPct.1: Too big: …", so `config set` can print it as is. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'rules'}: ${issue.message}`)
    .join('\n');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fills what a stored (possibly older) rules object lacks from the defaults; arrays and records replace. */
function mergeOntoDefaults(base: unknown, stored: unknown, isRecord: boolean): unknown {
  if (!isPlainObject(base) || !isPlainObject(stored) || isRecord) return stored === undefined ? base : stored;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(stored)) {
    merged[key] = mergeOntoDefaults(base[key], value, key === 'workspaceMonthlyUsd');
  }
  return merged;
}

/** Validates stored or edited rules; missing fields take their defaults, unknown or bad ones are refused. */
export function parseAlertRules(value: unknown): RulesResult {
  const parsed = alertRulesSchema.safeParse(mergeOntoDefaults(defaultAlertRules(), value ?? {}, false));
  return parsed.success ? { ok: true, rules: parsed.data } : { ok: false, message: describeIssues(parsed.error) };
}
