// Public entry of the sandbox: a faithful local simulator of the Anthropic Admin API on 127.0.0.1.
// Imports nothing from core/db/adapters: it is an independent reading of the API.
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { generateAdminKey } from './auth';
import { createClock, type SandboxClock } from './clock';
import { createControlHandler } from './control';
import { catchUpSeededEvents } from './events';
import { FaultInjector, loadFaultsFile, type FaultRule } from './faults';
import { backfillActivities } from './model/backfill-activities';
import { generateOrg } from './model/generate-org';
import { makeId } from './model/ids';
import { rngFor } from './model/prng';
import type { OrgModel, SandboxSize } from './model/types';
import { buildRouter } from './routes';
import { createSandboxServer } from './server';
import type { KeyShape, SandboxState } from './state';

export type { SandboxSize } from './model/types';
export type { KeyShape, SandboxState } from './state';
export type { SandboxClock } from './clock';
export type { FaultRule } from './faults';
export type { OrgEvent } from './events';
export { loadFaultsFile, parseFaultRules } from './faults';

export interface SandboxOptions {
  size?: SandboxSize; // default 'demo'
  seed?: number; // default 1
  port?: number; // default 0 = random free port
  compliance?: boolean; // compliance activity feed enabled (default false)
  faults?: FaultRule[];
  faultsFile?: string; // JSON file with FaultRule[]
  now?: Date; // virtual clock start; runs with real time unless set/advanced
  /** API-key object shape: 'new' (SDK 1.12.0, default), 'legacy' (top-level workspace_id), 'both' */
  keyShape?: KeyShape;
  /** the org is in the early-access preview for spend-limit writes (default false: POST/DELETE answer 403) */
  spendLimitWrites?: boolean;
  /** … and for spend-limit reads (default true; false: every spend-limit route answers 403) */
  spendLimitReads?: boolean;
  /** the virtual clock stands still at `now` until set/advanced (tests) */
  freezeClock?: boolean;
  /** seeded org events as virtual hours pass (default true) */
  seededEvents?: boolean;
  /** refuse report pages holding more results than this with 400 report_page_too_large (default: no cap) */
  maxPageResults?: number;
  /** UTC days (YYYY-MM-DD) whose report pages answer 400 too_many_report_groups */
  tooManyGroupsDays?: string[];
  /** a KNOWN admin key instead of a random one (tests that scan for it); must have the admin key shape */
  adminKey?: string;
}

export interface RunningSandbox {
  url: string;
  /** current admin key (changes if rotated through the control API) */
  adminKey: string;
  controlUrl: string;
  controlToken: string;
  close(): Promise<void>;
  /** in-process access for tests and the demo */
  model: OrgModel;
  clock: SandboxClock;
  state: SandboxState;
  faults: FaultInjector;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  // The org is generated at the start instant itself, not at the running clock's reading a moment later: on a busy
  // machine that reading is a millisecond or more past `now`, and the same seed and instant must give the same org
  // (the demo regenerates its remembered org from them; services/demo/demo-sandbox.ts).
  const nowMs = (opts.now ?? new Date()).getTime();
  const clock = createClock(new Date(nowMs), opts.freezeClock ?? false);
  const seed = opts.seed ?? 1;
  const model = generateOrg(seed, opts.size ?? 'demo', nowMs);
  const adminKey = opts.adminKey === undefined ? generateAdminKey() : checkedAdminKey(opts.adminKey);
  const controlToken = randomBytes(24).toString('base64url');
  const compliance = opts.compliance ?? false;
  const state: SandboxState = {
    model,
    clock,
    auth: {
      adminKeys: new Set([adminKey]),
      revokedKeys: new Set(),
      adminKeyId: makeId('apikey', rngFor(seed, 'admin-key')),
    },
    keyShape: opts.keyShape ?? 'new',
    // an org started with compliance on has had it for a while: half of the generated history
    activity: {
      enabled: compliance,
      enabledAtMs: compliance ? Math.round((model.historyStartMs + nowMs) / 2) : null,
      records: [],
      counter: 0,
    },
    seededEvents: opts.seededEvents ?? true,
    eventsThroughMs: nowMs,
    eventsOriginMs: nowMs,
    requestLog: [],
    spendLimitWrites: opts.spendLimitWrites ?? false,
    spendLimitReads: opts.spendLimitReads ?? true,
    reportSize: {
      maxPageResults: opts.maxPageResults ?? null,
      tooManyGroupsDays: new Set(opts.tooManyGroupsDays ?? []),
    },
  };
  backfillActivities(model, state.activity, nowMs);
  const faults = new FaultInjector(seed, [
    ...(opts.faultsFile ? loadFaultsFile(opts.faultsFile) : []),
    ...(opts.faults ?? []),
  ]);
  const handle = {} as RunningSandbox;
  const server = createSandboxServer({
    state,
    router: buildRouter(),
    faults,
    control: createControlHandler({ state, faults, token: controlToken, onAdminKey: (k) => (handle.adminKey = k) }),
    beforeRoute: () => catchUpSeededEvents(state),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return Object.assign(handle, {
    url,
    adminKey,
    controlUrl: `${url}/_control`,
    controlToken,
    model,
    clock,
    state,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** The shape of a real Admin key (admin-api.md §1.1); the message never echoes the key. */
function checkedAdminKey(key: string): string {
  if (!/^sk-ant-admin\d\d-[A-Za-z0-9_-]{20,}$/.test(key)) {
    throw new Error('sandbox adminKey must look like an Admin API key: sk-ant-admin01- then 20+ base64url characters');
  }
  return key;
}
