/**
 * Handlers for the channels of preload/contract-actions.ts: preview and run an admin action on the open profile.
 * The client is built per run by `adminActions()` (window-data.ts: the demo sandbox's in-memory key, or the
 * keychain's key read for this call), so the key never reaches the renderer. Every run is recorded in the trail.
 * An irreversible action (archive a key, remove a member) runs only with the token its preview issued and the name
 * typed in the window's dialog, both checked here (confirmation-tokens.ts): the renderer cannot skip the dialog.
 */
import type Database from 'better-sqlite3';
import type { AdminActionsPort } from '../../services/actions/run-admin-action';
import { previewAdminAction, runAdminAction } from '../../services/actions/run-admin-action';
import { AdminActionSchema, isIrreversible, type AdminAction } from '../../core/actions';
import { createConfirmationTokens } from '../../services/actions/confirmation-tokens';
import { HandlerError } from '../handler-error';
import type { Handler } from '../handler-types';

export interface ActionsDeps {
  mirror: () => Database.Database | null;
  now: () => number;
  /** A client for the open profile's org, built for one action; null when no key is available. Absent: actions are unavailable. */
  adminActions?: () => Promise<AdminActionsPort | null>;
}

const NOT_READY = 'The data of this profile is still being prepared; try again in a moment.';

export function actionsHandlers(deps: ActionsDeps): {
  'clade:actions/preview': Handler<'clade:actions/preview'>;
  'clade:actions/run': Handler<'clade:actions/run'>;
} {
  const mirrorOrRefuse = (): Database.Database => {
    const db = deps.mirror();
    if (!db) throw new HandlerError('unavailable', NOT_READY);
    return db;
  };
  const confirmations = createConfirmationTokens({ now: deps.now });
  return {
    'clade:actions/preview': async (request) => {
      const action = checked(request);
      const preview = previewAdminAction(mirrorOrRefuse(), action);
      const confirmToken = preview.irreversible ? confirmations.issue(action, preview.confirmText) : null;
      return { ...preview, confirmToken };
    },
    'clade:actions/run': async (request) => {
      const action = checked(request.action);
      if (isIrreversible(action)) {
        if (!request.confirmation)
          throw new HandlerError(
            'bad-request',
            'This action cannot be undone and needs the confirmation of its preview.',
          );
        const redeemed = confirmations.redeem(request.confirmation.token, action, request.confirmation.typed);
        if (!redeemed.ok) throw new HandlerError('bad-request', redeemed.reason);
      }
      const db = mirrorOrRefuse();
      const client = deps.adminActions;
      if (!client) throw new HandlerError('unavailable', 'Admin actions are not available in this window.');
      return runAdminAction({ db, client, now: deps.now, via: 'window' }, action);
    },
  };
}

function checked(request: unknown): AdminAction {
  const parsed = AdminActionSchema.safeParse(request);
  if (!parsed.success)
    throw new HandlerError(
      'bad-request',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  return parsed.data;
}
