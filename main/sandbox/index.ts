// Public entry of the sandbox: a faithful local simulator of the Anthropic Admin API on 127.0.0.1.
// Imports nothing from core/db/adapters (design.md §2): it is an independent reading of the API.
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { generateAdminKey } from './auth';
import { createClock, type SandboxClock } from './clock';
import { generateOrg } from './model/generate-org';
import type { OrgModel, SandboxSize } from './model/types';
import { buildRouter } from './routes';
import { createSandboxServer } from './server';
import type { KeyShape, SandboxState } from './state';

export type { SandboxSize } from './model/types';
export type { KeyShape } from './state';
export type { SandboxClock } from './clock';

export interface SandboxOptions {
  size?: SandboxSize;
  seed?: number;
  port?: number;
  compliance?: boolean;
  now?: Date;
  keyShape?: KeyShape;
}

export interface RunningSandbox {
  url: string;
  adminKey: string;
  controlUrl: string;
  controlToken: string;
  close(): Promise<void>;
  /** in-process access for tests and the demo: the live org model, clock and state */
  model: OrgModel;
  clock: SandboxClock;
  state: SandboxState;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  const clock = createClock(opts.now ?? new Date());
  const model = generateOrg(opts.seed ?? 1, opts.size ?? 'demo', clock.nowMs());
  const adminKey = generateAdminKey();
  const controlToken = randomBytes(24).toString('base64url');
  const compliance = opts.compliance ?? false;
  const state: SandboxState = {
    model, clock, auth: { adminKeys: new Set([adminKey]), revokedKeys: new Set() },
    keyShape: opts.keyShape ?? 'new',
    compliance: { enabled: compliance, enabledAtMs: compliance ? clock.nowMs() : null },
  };
  const server = createSandboxServer({ state, router: buildRouter() });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url, adminKey, controlUrl: `${url}/_control`, controlToken, model, clock, state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
