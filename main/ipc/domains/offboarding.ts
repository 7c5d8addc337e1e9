/**
 * Handlers for preload/contract-offboarding.ts: preview (what the person holds and the plan, or the stopped run it
 * would continue) and run, on the open profile. Removing a member cannot be undone, so a run needs the token its
 * preview issued and the person's e-mail typed in the window, both checked here (confirmation-tokens.ts). The admin
 * key is read per action by `adminActions()` and never crosses this boundary. Every step is recorded in the trail.
 */
import type Database from 'better-sqlite3';
import type { AdminAction } from '../../core/actions';
import { createConfirmationTokens } from '../../services/actions/confirmation-tokens';
import { previewOffboarding } from '../../services/offboarding/preview-offboarding';
import { runReport } from '../../services/offboarding/offboarding-report';
import { readLatestRun } from '../../db/repos/offboarding-repo';
import { abandonOffboarding, OffboardingRefused, runOffboarding } from '../../services/offboarding/run-offboarding';
import { HandlerError } from '../handler-error';
import type { Handler } from '../handler-types';
import type { ActionsDeps } from './actions';

const NOT_READY = 'The data of this profile is still being prepared; try again in a moment.';

export function offboardingHandlers(deps: ActionsDeps): {
  'clade:offboarding/preview': Handler<'clade:offboarding/preview'>;
  'clade:offboarding/run': Handler<'clade:offboarding/run'>;
  'clade:offboarding/progress': Handler<'clade:offboarding/progress'>;
  'clade:offboarding/abandon': Handler<'clade:offboarding/abandon'>;
} {
  const mirrorOrRefuse = (): Database.Database => {
    const db = deps.mirror();
    if (!db) throw new HandlerError('unavailable', NOT_READY);
    return db;
  };
  // The token confirms "offboard this person" (bound like a member removal) with their e-mail as the typed text.
  const confirmations = createConfirmationTokens({ now: deps.now });
  const bound = (userId: string): AdminAction => ({ kind: 'user.remove', userId });
  return {
    'clade:offboarding/preview': async (request) => {
      const preview = previewOffboarding(mirrorOrRefuse(), request.userId, request.keep, deps.now());
      if (!preview)
        throw new HandlerError('not-found', 'This person is not a member of the organization in the mirror.');
      const { holdings, plan, problems, resumes } = preview;
      return {
        holdings,
        plan,
        problems,
        resumes: resumes && {
          runId: resumes.id,
          startedAtMs: resumes.startedAtMs,
          finishedAtMs: resumes.finishedAtMs,
          status: resumes.status,
        },
        confirmText: holdings.person.email,
        confirmToken: confirmations.issue(bound(request.userId), holdings.person.email),
      };
    },
    'clade:offboarding/progress': async (request) => {
      const db = mirrorOrRefuse();
      const run = readLatestRun(db, request.userId);
      return run ? runReport(db, run.id) : null;
    },
    'clade:offboarding/abandon': async (request) =>
      abandonOffboarding({ db: mirrorOrRefuse(), now: deps.now, via: 'window' }, request.userId),
    'clade:offboarding/run': async (request) => {
      const redeemed = confirmations.redeem(
        request.confirmation.token,
        bound(request.userId),
        request.confirmation.typed,
      );
      if (!redeemed.ok) throw new HandlerError('bad-request', redeemed.reason);
      const db = mirrorOrRefuse();
      const client = deps.adminActions;
      if (!client) throw new HandlerError('unavailable', 'Admin actions are not available in this window.');
      try {
        return await runOffboarding({ db, client, now: deps.now, via: 'window' }, request.userId, request.keep);
      } catch (error) {
        if (error instanceof OffboardingRefused) throw new HandlerError('bad-request', error.message);
        throw error;
      }
    },
  };
}
