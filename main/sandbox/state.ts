// Everything one running sandbox holds: the org model, the virtual clock, credentials and switches.
import type { SandboxClock } from './clock';
import type { OrgModel } from './model/types';

/** Which API-key object shape to serve (admin-api.md §3.6):
 *  'new' = SDK 1.12.0 (scope/principal/created_by), 'legacy' = older docs (top-level nullable workspace_id),
 *  'both' = the intermediate shape carrying both (workspace_id deprecated). */
export type KeyShape = 'new' | 'legacy' | 'both';

export interface AuthState {
  adminKeys: Set<string>;
  revokedKeys: Set<string>;
}

export interface SandboxState {
  model: OrgModel;
  clock: SandboxClock;
  auth: AuthState;
  keyShape: KeyShape;
  compliance: { enabled: boolean; enabledAtMs: number | null };
}
