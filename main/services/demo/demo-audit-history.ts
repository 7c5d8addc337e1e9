/**
 * The demo org's audit trail. A first sync is a baseline and journals nothing, so a fresh demo would open on an
 * empty trail. Here a few everyday admin changes are scripted in the in-process sandbox, a second sync journals
 * them as differences, and the journal is copied into the audit trail (`catchUpJournalIntoAudit`), exactly as a
 * live profile's trail fills from its syncs. Plain Node, loopback only.
 */
import type { AdminApiPort, Clock } from '../../core/ports';
import { catchUpJournalIntoAudit } from '../../db/audit/index';
import { describeFromMirror } from '../../db/audit/describe-from-mirror';
import { JournalRepo } from '../../db/repos/journal-repo';
import type { MirrorDb } from '../../db/open';
import { syncMirror, systemClock } from '../sync/sync-mirror';
import { applyEvent, type OrgEvent } from '../../sandbox/events';
import type { RunningSandbox } from '../../sandbox/index';

/** The scripted changes: a new key, a promotion, an invite, a retired key. Picked from the generated org. */
export function demoAuditEvents(sandbox: Pick<RunningSandbox, 'model'>): OrgEvent[] {
  const users = [...sandbox.model.users.values()].filter((user) => user.removedAtMs === null);
  const promoted = users.find((user) => user.role !== 'admin');
  const retired = [...sandbox.model.apiKeys.values()].find((key) => key.status === 'active');
  const events: OrgEvent[] = [{ type: 'key_created', name: 'demo-reporting-job' }];
  if (promoted) events.push({ type: 'role_changed', user_id: promoted.id, role: 'admin' });
  events.push({ type: 'user_invited', email: `new.analyst@${sandbox.model.org.domain}`, role: 'developer' });
  if (retired) events.push({ type: 'key_deactivated', api_key_id: retired.id });
  return events;
}

/** Applies the scripted changes, syncs again and copies the journal into the trail. Returns the events added. */
export async function fillDemoAuditTrail(
  db: MirrorDb,
  api: AdminApiPort,
  sandbox: Pick<RunningSandbox, 'model' | 'state' | 'clock'>,
  clock: Clock = systemClock,
): Promise<number> {
  for (const event of demoAuditEvents(sandbox)) applyEvent(sandbox.state, event, sandbox.clock.nowMs());
  await syncMirror(db, api, { requestsPerMinute: null, clock });
  const journal = new JournalRepo(db);
  return catchUpJournalIntoAudit(db, (afterId) => journal.listAfter(afterId), describeFromMirror(db)).appended;
}

export { describeFromMirror } from '../../db/audit/describe-from-mirror';
