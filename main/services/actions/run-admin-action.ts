/**
 * Runs one admin action end to end, for the CLI and the window alike: read the targets from the mirror, check the
 * API's rules, send it, apply the result to the mirror, and record it in the audit trail (source `local`, with
 * before → after), failures included (with the reason, never a key). Confirmation happens before this is called.
 */
import {
  describeAction,
  describeDone,
  failedRecord,
  isIrreversible,
  planMirrorUpdate,
  afterState,
  beforeState,
  succeededRecord,
  validateAction,
  type ActionFailure,
  type AdminAction,
} from '../../core/actions';
import { isAdminApiError } from '../../core/api-error';
import type { JsonValue } from '../../core/audit/event';
import { recordLocalAuditAction } from '../../db/audit/append';
import type { AuditStoreOptions } from '../../db/audit/append';
import type { MirrorDb } from '../../db/open';
import type { AdminActionsPort } from '../../adapters/anthropic/admin-actions';
import { describeActionError } from './describe-action-error';
import { applyMirrorOps, readActionContext } from '../../db/repos/action-mirror-repo';

export { createAdminActionsClient, type AdminActionsPort } from '../../adapters/anthropic/admin-actions';

export interface ActionPreview {
  description: string;
  irreversible: boolean;
  /** For an irreversible action: the name the admin must type to confirm it (the key's name, the member's email). */
  confirmText: string | null;
  /** Why it would be refused, before sending anything; empty when it may go. */
  problems: string[];
  before: { [key: string]: JsonValue } | null;
}

export type ActionOutcome =
  | {
      ok: true;
      description: string;
      summary: string;
      before: { [key: string]: JsonValue } | null;
      after: { [key: string]: JsonValue };
    }
  | { ok: false; description: string; error: ActionFailure };

export interface RunActionDeps {
  db: MirrorDb;
  /** Built per action (the key is read where it lives, for this call only); null: no credential. */
  client: () => Promise<AdminActionsPort | null>;
  now: () => number;
  via: 'cli' | 'window';
  audit?: AuditStoreOptions;
}

export function previewAdminAction(db: MirrorDb, action: AdminAction): ActionPreview {
  const context = readActionContext(db, action);
  const irreversible = isIrreversible(action);
  return {
    description: describeAction(action, context),
    irreversible,
    confirmText: irreversible ? (context.key?.name ?? context.user?.email ?? null) : null,
    problems: validateAction(action, context),
    before: beforeState(action, context),
  };
}

export async function runAdminAction(deps: RunActionDeps, action: AdminAction): Promise<ActionOutcome> {
  const context = readActionContext(deps.db, action);
  const description = describeAction(action, context);
  const fail = (failure: ActionFailure): ActionOutcome => {
    recordLocalAuditAction(
      deps.db,
      failedRecord({ atMs: deps.now(), action, context, failure, via: deps.via }),
      deps.audit,
    );
    return { ok: false, description, error: failure };
  };
  const problems = validateAction(action, context);
  if (problems.length > 0) return fail({ code: 'invalid', message: problems.join(' ') });
  let client: AdminActionsPort | null;
  try {
    client = await deps.client();
  } catch (error) {
    return fail(describeActionError(error));
  }
  if (!client)
    return fail({ code: 'no_credential', message: 'No admin key is stored for this profile; connect one first.' });
  let result;
  let confirmedAfterError = false;
  try {
    result = await client.send(action);
  } catch (error) {
    // The API may have acted before the answer was lost (a dropped connection, a 5xx, an unreadable body): read the
    // target back before calling it a failure.
    result = mayHaveApplied(error) ? await client.confirm(action).catch(() => null) : null;
    if (!result) return fail(describeActionError(error));
    confirmedAfterError = true;
  }
  const atMs = deps.now();
  applyMirrorOps(deps.db, planMirrorUpdate(action, result), atMs);
  const after = afterState(action, result);
  recordLocalAuditAction(deps.db, succeededRecord({ atMs, action, context, after, via: deps.via }), deps.audit);
  const summary =
    describeDone(action, context) +
    (confirmedAfterError ? ' (the answer was lost on the way; reading it back confirmed the change)' : '');
  return { ok: true, description, summary, before: beforeState(action, context), after };
}

/** Failures after which the change may be in place: the request reached the API, the answer did not reach us. */
function mayHaveApplied(error: unknown): boolean {
  return isAdminApiError(error) && (error.kind === 'network' || error.kind === 'server' || error.kind === 'malformed');
}
