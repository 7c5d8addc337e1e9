/**
 * THE IPC contract: every channel between the renderer and main, with zod schemas for its
 * request and response. Imported by main (gateway), preload (window.api) and the renderer (types only).
 * Keep it free of Electron and Node imports: the renderer and the web harness read it too.
 */
import { z } from 'zod';
import type { OrgKey, OrgMember, OrgTree, OrgWorkspace } from '../main/core/org/org-tree';
import type { ChannelSpec } from './channel-spec';
import { assertSameShape } from './same-shape';
import { KeyHygieneVerdict } from './contract-verdict';
import { alertsChannels } from './contract-alerts';
import { auditChannels } from './contract-audit';
import { desktopChannels } from './contract-desktop';
import { settingsChannels } from './contract-settings';
import { usageChannels } from './contract-usage';
import { actionsChannels } from './contract-actions';
import { storageChannels } from './contract-storage';
import { peopleChannels } from './contract-people';
import { accessChannels } from './contract-access';
import { offboardingChannels } from './contract-offboarding';
import { webhooksChannels } from './contract-webhooks';
import { reviewChannels } from './contract-review';
import { pricesChannels } from './contract-prices';
import { postureChannels } from './contract-posture';

export * from './contract-verdict';
export * from './contract-alerts';
export * from './contract-audit';
export * from './contract-settings';
export * from './contract-usage';
export * from './contract-actions';
export * from './contract-storage';
export * from './contract-people';
export * from './contract-access';
export * from './contract-desktop';
export * from './contract-offboarding';
export * from './contract-webhooks';
export * from './contract-review';
export * from './contract-prices';
export * from './contract-posture';
export type { ChannelSpec } from './channel-spec';

/** Money crosses the boundary as a decimal string of cents (never a float), e.g. "123456.789". */
const Cents = z.string().regex(/^-?\d+(\.\d+)?$/);

/**
 * Month-to-date spend measured against one amount: a budget set in the app or a monthly spend limit read from
 * the API. `crossingDay` is the UTC day (YYYY-MM-DD) the alerts' weekday-aware projection reaches the amount
 * (a past day when it already did); null when the month ends below it or there is too little history.
 */
export const SpendTargetDto = z.object({
  source: z.enum(['budget', 'limit']),
  amountCents: Cents,
  /** Month-to-date spend as a whole percentage of the amount, rounded down. */
  percent: z.number().int().nonnegative(),
  crossingDay: z.string().nullable(),
});
export type SpendTarget = z.infer<typeof SpendTargetDto>;

/** A workspace's month-to-date spend and what it is measured against (tree badge and overview row). */
export const WorkspaceSpendBadgeDto = z.object({ cents: Cents, targets: z.array(SpendTargetDto) });
export type WorkspaceSpendBadge = z.infer<typeof WorkspaceSpendBadgeDto>;

export const OrgMemberDto = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  /** The member's org role (admin, developer, …); null when the user is not in the mirror. */
  orgRole: z.string().nullable(),
  /** The member's role in this workspace (workspace_user, workspace_admin, …). */
  workspaceRole: z.string(),
});

export const OrgKeyDto = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  /** The API's own partial hint (e.g. "sk-ant-api03-R2D...igAA"): safe to show, never a full key. */
  partialKeyHint: z.string().nullable(),
  createdAtMs: z.number(),
  expiresAtMs: z.number().nullable(),
  /**
   * Month-to-date cost of this key, ESTIMATED: the cost report has no per-key grouping, so it is the usage
   * report's tokens for the key × list prices (core/pricing.ts). Absent when the tree was read without badges.
   */
  estimatedMonthCents: Cents.optional(),
  /** The key inventory's hygiene verdict (main/db/queries/key-hygiene.ts); absent without badges. */
  hygiene: z.object({ verdict: KeyHygieneVerdict, reason: z.string() }).optional(),
});

export const OrgWorkspaceDto = z.object({
  /** null for the default workspace when the API gives it no id (older API shape). */
  id: z.string().nullable(),
  name: z.string(),
  isDefault: z.boolean(),
  archived: z.boolean(),
  members: z.array(OrgMemberDto),
  keys: z.array(OrgKeyDto),
  /** Month-to-date billed spend with its budgets/limits; absent when the tree was read without badges. */
  spend: WorkspaceSpendBadgeDto.optional(),
});

export const OrgTreeDto = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  /** When the mirror was last synced (epoch ms); null when it never was. */
  syncedAtMs: z.number().nullable(),
  workspaces: z.array(OrgWorkspaceDto),
  /** Principal-bound keys scoped to the organization rather than a workspace (newer API shape); absent when none. */
  organizationKeys: z.array(OrgKeyDto).optional(),
  /** The org's month-to-date spend with its monthly budget and spend limit; absent when read without badges. */
  spend: WorkspaceSpendBadgeDto.optional(),
});

export type { OrgMember, OrgKey, OrgWorkspace, OrgTree } from '../main/core/org/org-tree';
// The core builds the tree (core/org/build-org-tree.ts) and owns its shape; the schemas must describe exactly it.
assertSameShape<z.infer<typeof OrgMemberDto>, OrgMember>(true);
assertSameShape<z.infer<typeof OrgKeyDto>, OrgKey>(true);
assertSameShape<z.infer<typeof OrgWorkspaceDto>, OrgWorkspace>(true);
assertSameShape<z.infer<typeof OrgTreeDto>, OrgTree>(true);

export const AppInfoDto = z.object({
  name: z.string(),
  version: z.string(),
  /** `demo` while no admin key is stored and the window shows the built-in sandbox org. */
  mode: z.enum(['demo', 'live']),
});
export type AppInfo = z.infer<typeof AppInfoDto>;

export const SyncProgressDto = z.object({
  phase: z.enum(['running', 'done', 'failed']),
  /** The resource being paged (users, workspaces, …); null before the first page and after the end. */
  resource: z.string().nullable(),
  page: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  /** This run is the mirror's first (it was never synced): the window shows the first-sync panel. */
  first: z.boolean().optional(),
  /** The whole run (core/sync/run-progress.ts): resources of the plan done and planned; absent outside a run. */
  resourcesDone: z.number().int().nonnegative().optional(),
  resourcesTotal: z.number().int().nonnegative().optional(),
  /** Estimated time left for the whole sync; null while it cannot be estimated yet. */
  etaMs: z.number().nonnegative().nullable().optional(),
  /** Resources finished with their data in the mirror: the views built on them can be used already. */
  usable: z.array(z.string()).optional(),
});
export type SyncProgress = z.infer<typeof SyncProgressDto>;

/** What the mirror holds and how fresh each part is (the overview's freshness and the offline state). */
export const MirrorStatusDto = z.object({
  org: z.object({ id: z.string(), name: z.string() }).nullable(),
  syncedAtMs: z.number().nullable(),
  counts: z.record(z.string(), z.number()),
  resources: z.array(
    z.object({
      resource: z.string(),
      lastSyncedAtMs: z.number().nullable(),
      rows: z.number(),
      status: z.string().nullable(),
      detail: z.string().nullable(),
    }),
  ),
  credential: z
    .object({ status: z.enum(['valid', 'invalid']), changedAtMs: z.number(), detail: z.string().nullable() })
    .nullable(),
});
export type MirrorStatus = z.infer<typeof MirrorStatusDto>;

export const SpendSummaryDto = z.object({
  currency: z.string(),
  monthStartMs: z.number(),
  /** The last day with cost data in the mirror (cost settles daily); null when there is none. */
  lastCostDayMs: z.number().nullable(),
  monthToDateCents: Cents,
  /** Straight-line month-end forecast from the days so far; null before the first cost day. */
  forecastCents: Cents.nullable(),
  byWorkspace: z.array(z.object({ workspaceId: z.string().nullable(), name: z.string(), cents: Cents })),
});
export type SpendSummary = z.infer<typeof SpendSummaryDto>;

export const KeyInventoryRowDto = z.object({
  id: z.string(),
  name: z.string(),
  workspaceId: z.string().nullable(),
  workspaceName: z.string(),
  status: z.string(),
  partialKeyHint: z.string().nullable(),
  createdAtMs: z.number(),
  expiresAtMs: z.number().nullable(),
  creatorName: z.string().nullable(),
  /** false when the creator is no longer a member of the org. */
  creatorIsMember: z.boolean().nullable(),
  lastUsedDayMs: z.number().nullable(),
  tokens30d: z.number(),
  verdict: KeyHygieneVerdict,
  reason: z.string(),
});
export type KeyInventoryRow = z.infer<typeof KeyInventoryRowDto>;

/**
 * One key's ESTIMATED cost over the last 30 UTC days (today included): the figure `report cost --group-by api_key`
 * and the usage chart give per key (db/queries/key-cost-estimate.ts). Billed cost has no key dimension.
 */
export const KeyEstimateRequest = z.object({ keyId: z.string().min(1).max(200) });
export const KeyEstimateDto = z.object({
  keyId: z.string(),
  fromDay: z.string(),
  toDay: z.string(),
  estimateCents: Cents,
  tokens: z.number().int().nonnegative(),
  /** Tokens of models without a known price: not in the estimate. */
  unpricedTokens: z.number().int().nonnegative(),
});
export type KeyEstimate = z.infer<typeof KeyEstimateDto>;

/** All the window ever learns about the admin key: never the key itself. */
export const KeyStatusDto = z.object({
  present: z.boolean(),
  orgName: z.string().nullable(),
  /** ISO 8601 time of the last successful verification. */
  verifiedAt: z.string().nullable(),
});
export type KeyStatus = z.infer<typeof KeyStatusDto>;

/** The key goes renderer → main once, on connect; no channel ever sends it back. */
export const ConnectKeyRequest = z.object({
  key: z.string().min(1).max(512),
  label: z.string().min(1).max(80).optional(),
});

/** The overview: the month against budgets and limits, open alerts and how fresh the mirror is. */
export const OverviewAlertDto = z.object({
  id: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  title: z.string(),
  body: z.string(),
  openedAtMs: z.number(),
});
export type OverviewAlert = z.infer<typeof OverviewAlertDto>;

export const OverviewSyncDto = z.object({
  /** End of the last sync that got through the core resources; null when none did. */
  syncedAtMs: z.number().nullable(),
  /** The alert core's judgement (assessHealth): empty when the mirror is fit to trust. */
  problems: z.array(z.enum(['credential-invalid', 'no-data', 'data-too-old', 'spend-unavailable'])),
  /** Behind 'spend-unavailable': each usage or cost report that failed in its last sync or is too old, and why. */
  spend: z.array(z.object({ resource: z.string(), reason: z.string() })),
  /** The most recent finished sync run, whatever its outcome. */
  lastRun: z.object({ status: z.string(), finishedAtMs: z.number(), detail: z.string().nullable() }).nullable(),
  /**
   * Days of a usage or cost report the API would not return whole (too_many_report_groups), left out of every figure,
   * with the API's words; absent or empty when none.
   */
  incompleteDays: z.array(z.object({ resource: z.string(), day: z.string(), message: z.string() })).optional(),
});
export type OverviewSync = z.infer<typeof OverviewSyncDto>;

export const OverviewDto = z.object({
  org: z.object({ id: z.string(), name: z.string() }).nullable(),
  currency: z.string(),
  /** UTC month, YYYY-MM. */
  month: z.string(),
  monthStartMs: z.number(),
  /** The last UTC day with cost in the mirror this month; null when there is none. */
  lastCostDayMs: z.number().nullable(),
  monthToDateCents: Cents,
  /** The alerts' weekday-aware month-end projection, capped where a spend limit stops spend; null with too little history. */
  forecastCents: Cents.nullable(),
  /** Each spend limit that caps the forecast, in words ("Production: capped at its $2,000.00 limit"). */
  forecastCaps: z.array(z.string()),
  /** The org's monthly budget (app) and monthly spend limit (API), where set. */
  targets: z.array(SpendTargetDto),
  /** Highest month-to-date spend first. */
  byWorkspace: z.array(WorkspaceSpendBadgeDto.extend({ workspaceId: z.string().nullable(), name: z.string() })),
  alerts: z.object({
    open: z.number().int().nonnegative(),
    critical: z.number().int().nonnegative(),
    warning: z.number().int().nonnegative(),
    /** The most severe open alerts, newest first within a severity; at most five. */
    top: z.array(OverviewAlertDto),
  }),
  sync: OverviewSyncDto,
});
export type Overview = z.infer<typeof OverviewDto>;

const NoRequest = z.undefined();

/**
 * The one table of channels. `invoke` channels are renderer → main questions (request → response);
 * `push` channels are main → renderer events whose payload is `response` (their `request` is always empty).
 * Names are `clade:<domain>/<action>`; push actions end in `-changed`.
 */
export const channels = {
  'clade:app/info': { kind: 'invoke', request: NoRequest, response: AppInfoDto },
  'clade:org/tree': { kind: 'invoke', request: NoRequest, response: OrgTreeDto.nullable() },
  'clade:mirror/status': { kind: 'invoke', request: NoRequest, response: MirrorStatusDto },
  'clade:spend/summary': { kind: 'invoke', request: NoRequest, response: SpendSummaryDto },
  'clade:overview/summary': { kind: 'invoke', request: NoRequest, response: OverviewDto },
  'clade:keys/inventory': { kind: 'invoke', request: NoRequest, response: z.array(KeyInventoryRowDto) },
  'clade:keys/estimate': { kind: 'invoke', request: KeyEstimateRequest, response: KeyEstimateDto },
  'clade:key/status': { kind: 'invoke', request: NoRequest, response: KeyStatusDto },
  'clade:key/set': { kind: 'invoke', request: ConnectKeyRequest, response: KeyStatusDto },
  'clade:key/clear': { kind: 'invoke', request: NoRequest, response: KeyStatusDto },
  'clade:sync/progress-changed': { kind: 'push', request: NoRequest, response: SyncProgressDto },
  ...auditChannels,
  ...alertsChannels,
  ...settingsChannels,
  ...usageChannels,
  ...actionsChannels,
  ...storageChannels,
  ...peopleChannels,
  ...accessChannels,
  ...desktopChannels,
  ...offboardingChannels,
  ...webhooksChannels,
  ...reviewChannels,
  ...pricesChannels,
  ...postureChannels,
} as const satisfies Record<string, ChannelSpec>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type InvokeChannel = { [K in ChannelName]: Channels[K]['kind'] extends 'invoke' ? K : never }[ChannelName];
export type PushChannel = { [K in ChannelName]: Channels[K]['kind'] extends 'push' ? K : never }[ChannelName];
/** What the caller sends (before parsing) and what the handler receives (after parsing). */
export type RequestInput<K extends ChannelName> = z.input<Channels[K]['request']>;
export type RequestOf<K extends ChannelName> = z.output<Channels[K]['request']>;
export type ResponseOf<K extends ChannelName> = z.output<Channels[K]['response']>;

/** Naming rule, checked by the compiler: a misnamed channel makes `_ChannelNamesAreValid` fail to typecheck. */
type BadChannelName = {
  [K in ChannelName]: Channels[K]['kind'] extends 'push'
    ? K extends `clade:${string}/${string}-changed`
      ? never
      : K
    : K extends `clade:${string}/${string}-changed`
      ? K
      : K extends `clade:${string}/${string}`
        ? never
        : K;
}[ChannelName];
type MustBeNever<T extends never> = T;
export type _ChannelNamesAreValid = MustBeNever<BadChannelName>;

/** Every answer crosses the boundary as a result object, never as a thrown error (errors lose shape there). */
export const ipcErrorCodes = [
  'unknown-channel',
  'forbidden-sender',
  'bad-request',
  'not-found',
  'unavailable',
  'internal',
] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];
export interface IpcError {
  code: IpcErrorCode;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** The channel names by kind, as runtime data (preload and the harness shim build window.api from them). */
export function channelKinds(): Array<{ name: ChannelName; kind: 'invoke' | 'push' }> {
  return (Object.keys(channels) as ChannelName[]).map((name) => ({ name, kind: channels[name].kind }));
}

/** The shape of window.api, for the renderer (which may import only this file, and only its types). */
export type { ClientApi, DomainApi, Unsubscribe } from './api-shape';
