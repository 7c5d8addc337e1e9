/**
 * The profile's settings other than alert rules, stored in the mirror (`profile_settings`). Each setting is
 * declared once in SETTINGS with its zod schema and default, so a stored value that no longer parses falls back
 * to the default instead of breaking the app, and a write of a bad value is refused with the reason.
 * Add a setting here (one line) rather than inventing another table.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { checkBaseUrl } from '../../core/base-url';
import {
  defaultPostureSettings,
  parseNameTemplate,
  POSTURE_ITEM_IDS,
  type PostureItemId,
} from '../../core/posture/index';

const PositiveDays = z.number().int().min(1).max(36_500);

/** A base URL the admin key may go to (core/base-url.ts: the API or loopback), stored in its normalised form. */
const AdminKeyBaseUrl = z.string().transform((url, ctx) => {
  const checked = checkBaseUrl(url);
  if (checked.ok) return checked.url;
  ctx.addIssue({ code: 'custom', message: checked.reason });
  return z.NEVER;
});

/** USD per million tokens as decimal text, exactly as core/pricing.ts parses it (no float ever rounds a price). */
const UsdPerMillion = z
  .string()
  .regex(/^\d{1,6}(?:\.\d{1,4})?$/, 'a price in USD per million tokens with at most 4 decimals, e.g. "3" or "0.30"');
const UtcDay = z.string().refine((day) => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(day);
}, 'a date as YYYY-MM-DD');

/** The admin's price overrides (core/pricing.ts PriceOverride): at most one per model and date. */
const PriceOverrides = z
  .array(
    z.strictObject({
      model: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[\x21-\x7e]+$/, 'a model id (printable ASCII, no spaces)'),
      effectiveFrom: UtcDay.nullable(),
      input: UsdPerMillion,
      cacheWrite5m: UsdPerMillion,
      cacheWrite1h: UsdPerMillion,
      cacheRead: UsdPerMillion,
      output: UsdPerMillion,
    }),
  )
  .max(200)
  .refine(
    (list) => new Set(list.map((o) => `${o.model}|${o.effectiveFrom ?? ''}`)).size === list.length,
    'one price per model and effective date',
  );

export const SETTINGS = {
  /** Minutes between background syncs in the app (15 by default). */
  'sync.intervalMinutes': { schema: z.number().int().min(5).max(1440), fallback: 15 },
  /** Days of usage and cost history the sync keeps backfilled. */
  'sync.historyDays': { schema: PositiveDays.max(400), fallback: 90 },
  /** The sync's request rate against the API: a steady rate after a burst of 30 (core/sync/pace.ts). */
  'sync.requestsPerMinute': { schema: z.number().int().min(1).max(600), fallback: 60 },
  /** Days of audit trail to keep; null keeps everything (the default). */
  'audit.retentionDays': { schema: PositiveDays.nullable(), fallback: null },
  /**
   * Where this profile's admin key is sent; null is https://api.anthropic.com. Set by `key set --base-url` (or
   * `config set`), never from the environment: the key goes only where the admin said (services/api-base-url.ts).
   */
  'api.baseUrl': { schema: AdminKeyBaseUrl.nullable(), fallback: null },
  /**
   * The body format of this profile's team webhook, and whether one is set up in the keychain: null = none (the
   * keychain is then never asked). The URL itself is a secret and lives only in the keychain (services/webhooks).
   */
  'webhook.format': { schema: z.enum(['slack', 'json']).nullable(), fallback: null },
  /** What the last Compliance API probe learnt: readable or refused, and when it was asked. */
  'compliance.probe': {
    schema: z
      .object({ status: z.enum(['available', 'refused']), checkedAtMs: z.number(), detail: z.string().nullable() })
      .nullable(),
    fallback: null,
  },
  /**
   * The admin key ids the Compliance feed shows for this profile's own reads (learnt by compliance-ingest.ts from
   * report views inside our sync runs); the trail folds those reads (core/audit/self-views.ts).
   */
  'audit.ownAdminKeyIds': { schema: z.array(z.string().min(1)).max(50), fallback: [] as string[] },
  /**
   * Prices the admin added or overrode for this profile (USD per million tokens, from a date or always): every local
   * cost estimate reads them through db/queries/price-book.ts, so an unpriced model can be priced without a release.
   */
  'pricing.overrides': { schema: PriceOverrides, fallback: [] as Array<z.output<typeof PriceOverrides>[number]> },
  /**
   * The demo profile only: the instant, seed and size its demo org was generated at, so that a later `demo` or
   * app start regenerates the same org instead of one whose every timestamp moved (services/demo/demo-sandbox.ts).
   */
  'demo.org': {
    schema: z.object({ anchorMs: z.number().int(), seed: z.number().int(), size: z.string() }).nullable(),
    fallback: null,
  },
  /**
   * The access checklist's own settings (core/posture): only what no alert rule configures already. Production,
   * budgets, thresholds, privileged roles, rotation, dormancy and invite age are the alert rules' settings.
   */
  'posture.keyNameTemplate': {
    schema: z
      .string()
      .min(1)
      .max(200)
      .refine((t) => parseNameTemplate(t) !== null, {
        message: 'must use {team}, {env} and/or {purpose}, each at most once',
      }),
    fallback: defaultPostureSettings().keyNameTemplate,
  },
  /** Environments besides production (which is `production.pattern`), by workspace names and tags. */
  'posture.environments': {
    schema: z
      .array(
        z.object({
          name: z.string().min(1).max(40),
          token: z.string().regex(/^[a-z0-9]+$/, 'a token is lower-case letters and digits'),
          pattern: z.string().min(1).max(200).refine(compiles, { message: 'must be a valid regular expression' }),
        }),
      )
      .max(10),
    fallback: defaultPostureSettings().environments,
  },
  'posture.maxAdmins': { schema: z.number().int().min(1).max(1000), fallback: defaultPostureSettings().maxAdmins },
  'posture.auditReviewDays': { schema: PositiveDays.max(3650), fallback: defaultPostureSettings().auditReviewDays },
  /** Checklist items the admin declared not applicable to this org. */
  'posture.notApplicable': {
    schema: z.array(z.enum(POSTURE_ITEM_IDS as [PostureItemId, ...PostureItemId[]])),
    fallback: [] as PostureItemId[],
  },
} as const satisfies Record<string, { schema: z.ZodType; fallback: unknown }>;

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

export type ProfileSettingName = keyof typeof SETTINGS;
export type ProfileSettingValue<N extends ProfileSettingName> = z.output<(typeof SETTINGS)[N]['schema']>;

export function isProfileSettingName(name: string): name is ProfileSettingName {
  return Object.hasOwn(SETTINGS, name);
}

/** The stored value, or the default when nothing (or something no longer valid) is stored. */
export function readProfileSetting<N extends ProfileSettingName>(
  db: Database.Database,
  name: N,
): ProfileSettingValue<N> {
  const row = db.prepare('SELECT value_json FROM profile_settings WHERE name = ?').get(name) as
    { value_json: string } | undefined;
  const spec = SETTINGS[name];
  if (!row) return spec.fallback as ProfileSettingValue<N>;
  const parsed = spec.schema.safeParse(JSON.parse(row.value_json));
  return (parsed.success ? parsed.data : spec.fallback) as ProfileSettingValue<N>;
}

export type WriteResult = { ok: true } | { ok: false; message: string };

/** Validates and stores; a value equal to the default is stored too (the admin chose it explicitly). */
export function writeProfileSetting<N extends ProfileSettingName>(
  db: Database.Database,
  name: N,
  value: unknown,
  atMs: number,
): WriteResult {
  const parsed = SETTINGS[name].schema.safeParse(value);
  if (!parsed.success)
    return { ok: false, message: `${name}: ${parsed.error.issues.map((i) => i.message).join('; ')}` };
  db.prepare(
    `INSERT INTO profile_settings (name, value_json, updated_at_ms) VALUES (?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET value_json = excluded.value_json, updated_at_ms = excluded.updated_at_ms`,
  ).run(name, JSON.stringify(parsed.data), atMs);
  return { ok: true };
}

/** Every setting with its current value, in declaration order (for `config get` and the settings view). */
export function readAllProfileSettings(db: Database.Database): Array<{ name: ProfileSettingName; value: unknown }> {
  return (Object.keys(SETTINGS) as ProfileSettingName[]).map((name) => ({ name, value: readProfileSetting(db, name) }));
}
