/**
 * The sync engine: plan what is due, page through it, write each page with its cursor, apply the
 * failure rules, and report a summary. Pure: the API, the mirror and time come in through ports.
 */
import { isAdminApiError, type AdminApiError } from '../api-error';
import type { AdminApiPort, Clock } from '../ports';
import { CursorProgress } from './cursor-progress';
import { runEntityPass, type PassDeps, type PassTally } from './entity-pass';
import { DEFAULT_REQUESTS_PER_MINUTE, RequestBudget } from './pace';
import { inlinePageWriter, type PageWriterPort } from './page-jobs';
import { planResources, type ResourcePolicy, type SyncResource } from './resources';
import { syncReportResource, DEFAULT_HISTORY_DAYS } from './report-sync';
import type { MirrorStorePort, WriteContext } from './store-port';
import { isStorageError } from '../storage-error';
import type { ResourceSummary, SyncProblem, SyncProgress, SyncStatus, SyncSummary } from './summary';

export interface SyncOptions {
  full?: boolean;
  /** How far back the first sync fetches reports (default 90 days). */
  historyDays?: number;
  onProgress?: (p: SyncProgress) => void;
  /** Once, before the first request: the resources this sync will fetch, in order (the window's "3 of 14"). */
  onPlan?: (resources: readonly SyncResource[]) => void;
  /** After each resource, whatever its outcome (the CLI prints a line per resource when not on a terminal). */
  onResourceDone?: (r: ResourceSummary) => void;
  /** Local request budget; null or 0 turns it off (sandbox, benchmarks). Default 60. */
  requestsPerMinute?: number | null;
  /**
   * The budget itself, when the caller made it (so the API client can tell it about 429s); it then wins over
   * `requestsPerMinute`.
   */
  budget?: RequestBudget;
  /** Attempts per resource for transient failures (network, 5xx, 429, malformed), resuming from the cursor. */
  maxAttempts?: number;
}

export interface SyncDeps {
  api: AdminApiPort;
  store: MirrorStorePort;
  clock: Clock;
  /** Where pages are converted and written; default: in this thread, on `store`. */
  writer?: PageWriterPort;
}

export class OrganizationMismatchError extends Error {
  override readonly name = 'OrganizationMismatchError';
  constructor(
    readonly storedId: string,
    readonly apiId: string,
  ) {
    super(`this mirror belongs to organization ${storedId}, but the key belongs to ${apiId}; refusing to mix them`);
  }
}

class CredentialInvalid extends Error {
  constructor(readonly apiError: AdminApiError) {
    super(apiError.message);
  }
}

/** 400s that say the feature does not exist for this kind of organization (admin-api.md §1.3). */
const NOT_FOR_THIS_ORG = new Set(['organization_type_not_supported', 'organization_not_enrolled_in_beta']);
/** 400s about the size of a report page, which mention "page" but are not about its cursor (admin-api.md §8). */
const REPORT_SIZE_CODES = new Set(['report_page_too_large', 'too_many_report_groups']);
/** The longest pause the engine itself takes for a retry-after; a longer request is cut to this. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;
const TRANSIENT = new Set(['network', 'server', 'rate_limited', 'malformed']);
/** Resources without which the rest cannot be trusted: their failure stops the sync. */
const STOPS_SYNC = new Set<SyncResource>(['organization']);

export async function runSync(deps: SyncDeps, opts: SyncOptions = {}): Promise<SyncSummary> {
  const { api, store, clock } = deps;
  const startedAtMs = clock.now();
  const requestsBefore = api.requestCount();
  const runId = store.beginRun(startedAtMs, opts.full ?? false);
  const resources: ResourceSummary[] = [];
  const problems: SyncProblem[] = [];
  const passDeps: PassDeps = {
    api,
    store,
    writer: deps.writer ?? inlinePageWriter(store),
    budget:
      opts.budget ??
      new RequestBudget(
        clock,
        opts.requestsPerMinute === undefined ? DEFAULT_REQUESTS_PER_MINUTE : opts.requestsPerMinute,
      ),
    onProgress: opts.onProgress ?? (() => undefined),
  };
  let status: SyncStatus = 'ok';
  let detail: string | null = null;

  try {
    const states = store.resourceStates();
    const plan = planResources(states, startedAtMs, opts.full ?? false);
    opts.onPlan?.(plan.map((policy) => policy.resource));
    for (const policy of plan) {
      const ctx: WriteContext = {
        runId,
        atMs: startedAtMs,
        journal: states.get(policy.resource)?.lastCompleteAtMs != null,
      };
      const summary = await runGuarded(deps, passDeps, policy, ctx, opts, problems);
      resources.push(summary);
      opts.onResourceDone?.(summary);
      if (summary.status === 'error') {
        status = 'partial';
        if (STOPS_SYNC.has(policy.resource))
          throw new Error(`${policy.resource} failed: ${summary.detail ?? 'unknown error'}`);
      }
    }
  } catch (e) {
    if (isStorageError(e)) {
      // The mirror's files cannot be written or read: record the run if they still let us, then say so to the caller
      // (the audit catch-up and alerts after a sync would fail the same way).
      const detail = e.message;
      try {
        store.finishRun(runId, clock.now(), {
          status: 'failed',
          requests: api.requestCount() - requestsBefore,
          rows: 0,
          detail,
        });
      } catch {
        // expected when the file is damaged or the disk is full
      }
      throw e;
    }
    if (e instanceof CredentialInvalid) {
      status = 'credential_invalid';
      detail = `the admin key was refused (${e.apiError.endpoint}): ${e.apiError.message}`;
      store.markCredentialInvalid(clock.now(), detail);
    } else {
      status = 'failed';
      detail = e instanceof Error ? e.message : String(e);
    }
  }

  const requests = api.requestCount() - requestsBefore;
  const rows = resources.reduce((n, r) => n + r.rows, 0);
  const finishedAtMs = clock.now();
  store.finishRun(runId, finishedAtMs, { status, requests, rows, detail });
  return {
    status,
    requests,
    rows,
    events: resources.reduce((n, r) => n + r.events, 0),
    durationMs: finishedAtMs - startedAtMs,
    startedAtMs,
    resources,
    problems,
    detail,
  };
}

/** Runs one resource with retries and the failure rules; throws only to stop the whole sync. */
async function runGuarded(
  deps: SyncDeps,
  passDeps: PassDeps,
  policy: ResourcePolicy,
  ctx: WriteContext,
  opts: SyncOptions,
  problems: SyncProblem[],
): Promise<ResourceSummary> {
  const tally: PassTally = { pages: 0, rows: 0, events: 0 };
  const summary = (status: ResourceSummary['status'], detail: string | null): ResourceSummary => ({
    resource: policy.resource,
    status,
    ...tally,
    detail,
  });
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 3);
  let attempt = 1;
  let cursorRestarted = false;
  for (;;) {
    try {
      await fetchResource(deps, passDeps, policy.resource, ctx, opts, tally);
      deps.store.markResource(policy.resource, 'ok', deps.clock.now(), null);
      return summary('ok', null);
    } catch (e) {
      // Whatever failed, pages still in flight are written (or refused) and a failed write is reported once before
      // anything is decided or retried: a retry resumes from the cursor they committed.
      await passDeps.writer.flush().catch(() => undefined);
      const storage = deps.store.storageFailure?.(e) ?? null;
      if (storage) throw storage;
      if (!isAdminApiError(e)) {
        if (e instanceof OrganizationMismatchError) throw e;
        const message = e instanceof Error ? e.message : String(e);
        deps.store.markResource(policy.resource, 'error', deps.clock.now(), message);
        return summary('error', message);
      }
      if (e.kind === 'unauthorized' && (policy.core || (await keyRefusedEverywhere(deps, passDeps))))
        throw new CredentialInvalid(e);
      if (isNotAvailable(policy, e)) {
        const why = `not available for this organization (${e.status ?? e.kind} on ${e.endpoint})`;
        deps.store.markResource(policy.resource, 'unavailable', deps.clock.now(), why);
        return summary('unavailable', why);
      }
      problems.push({
        resource: policy.resource,
        kind: e.kind,
        endpoint: e.endpoint,
        status: e.status,
        requestId: e.requestId,
        message: e.message,
      });
      // A rejected cursor (expired, or bound to another query) restarts the pass from its window start, once.
      if (!cursorRestarted && isCursorRejection(e) && deps.store.restartOpenPasses(policy.resource) > 0) {
        cursorRestarted = true;
        continue;
      }
      // A cursor that does not advance would be asked for again next sync: start that pass afresh then.
      if (e.kind === 'cursor_stuck') deps.store.restartOpenPasses(policy.resource);
      if (TRANSIENT.has(e.kind) && attempt < maxAttempts) {
        // Back off (at least as long as the server asked), then resume from the last committed cursor.
        const backoff = Math.min(30_000, 1_000 * 2 ** (attempt - 1));
        await deps.clock.sleep(Math.min(MAX_RETRY_AFTER_MS, Math.max(backoff, e.retryAfterMs ?? 0)));
        attempt += 1;
        continue;
      }
      const message = `${e.kind} on ${e.endpoint}${e.requestId ? ` (request ${e.requestId})` : ''}: ${e.message}`;
      deps.store.markResource(policy.resource, 'error', deps.clock.now(), message);
      return summary('error', message);
    }
  }
}

/** A refusal that means "this org does not have it" for this resource (not a failure). */
function isNotAvailable(policy: ResourcePolicy, e: AdminApiError): boolean {
  if (e.status != null && policy.notAvailableOn.includes(e.status)) return true;
  return policy.notAvailableOn.length > 0 && NOT_FOR_THIS_ORG.has(e.errorCode ?? '');
}

/** A 400 about the `page` cursor the request carried (not about the page's size). */
function isCursorRejection(e: AdminApiError): boolean {
  return (
    e.kind === 'bad_request' &&
    !REPORT_SIZE_CODES.has(e.errorCode ?? '') &&
    /cursor|\bpage\b|after_id|before_id/i.test(e.message)
  );
}

/**
 * A 401 on an optional route may be that route refusing this kind of key; the key itself is rejected only when
 * `GET /v1/organizations/me` answers 401 too. A probe that fails otherwise (network) proves nothing either way.
 */
async function keyRefusedEverywhere(deps: SyncDeps, passDeps: PassDeps): Promise<boolean> {
  await passDeps.budget.acquire();
  try {
    await deps.api.organization();
    return false;
  } catch (probe) {
    return isAdminApiError(probe) && probe.kind === 'unauthorized';
  }
}

async function fetchResource(
  deps: SyncDeps,
  passDeps: PassDeps,
  resource: SyncResource,
  ctx: WriteContext,
  opts: SyncOptions,
  tally: PassTally,
): Promise<void> {
  const { api, store } = deps;
  switch (resource) {
    case 'organization': {
      await passDeps.budget.acquire();
      const org = await api.organization();
      const stored = store.storedOrganization();
      if (stored && stored.id !== org.id) throw new OrganizationMismatchError(stored.id, org.id);
      tally.events += store.saveOrganization(org, ctx);
      tally.pages += 1;
      tally.rows += 1;
      passDeps.onProgress({ resource, page: 1, rows: 1 });
      return;
    }
    case 'users':
    case 'invites':
    case 'api_keys':
    case 'rate_limits':
    case 'spend_limits':
    case 'spend_limits_effective':
      return runEntityPass(passDeps, resource, '', {}, ctx, tally);
    case 'workspaces':
      await runEntityPass(passDeps, 'workspaces', '', { includeDefault: true, includeArchived: true }, ctx, tally);
      return detectDefaultWorkspace(passDeps, tally);
    case 'workspace_members':
      // Archived workspaces keep their members in the API; the mirror must hold exactly what it lists.
      for (const workspaceId of store.allWorkspaceIds()) {
        await runEntityPass(passDeps, 'workspace_members', workspaceId, { workspaceId }, ctx, tally);
      }
      return;
    case 'workspace_rate_limits':
      for (const workspaceId of store.activeWorkspaceIds()) {
        await runEntityPass(passDeps, 'workspace_rate_limits', workspaceId, { workspaceId }, ctx, tally);
      }
      return;
    case 'usage_hourly':
    case 'usage_daily':
    case 'cost_daily':
    case 'claude_code_daily':
      return syncReportResource(
        { ...passDeps, clock: deps.clock },
        resource,
        { runId: ctx.runId, atMs: ctx.atMs, historyDays: opts.historyDays ?? DEFAULT_HISTORY_DAYS },
        tally,
      );
  }
}

/**
 * The default workspace carries no flag (admin-api.md §3.4): it is the one listed with `include_default=true`
 * but not without it. Older API versions never list it; then no stored workspace is marked default.
 */
async function detectDefaultWorkspace(passDeps: PassDeps, tally: PassTally): Promise<void> {
  const withoutDefault = new Set<string>();
  const progress = new CursorProgress('workspaces', null);
  await passDeps.budget.acquire();
  for await (const page of passDeps.api.list('workspaces', { includeDefault: false, includeArchived: true }, null)) {
    progress.nextCursor(page.nextCursor, page.requestId);
    for (const w of page.items) withoutDefault.add(w.id);
    tally.pages += 1;
    if (page.nextCursor != null) await passDeps.budget.acquire();
  }
  const candidates = passDeps.store.allWorkspaceIds().filter((id) => !withoutDefault.has(id));
  passDeps.store.setDefaultWorkspace(candidates.length === 1 ? (candidates[0] ?? null) : null);
}
