/**
 * The demo org's audit trail. A first sync is a baseline and journals nothing, so a fresh demo would open on an
 * empty trail. Here a few everyday admin changes are scripted in the in-process sandbox; the sync after them
 * journals them as differences and copies the journal into the audit trail, exactly as a live profile's trail fills
 * from its syncs (demo-sandbox.ts `syncDemoOrg` runs the two syncs). Plain Node, loopback only.
 */
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

/**
 * Applies the scripted changes at `atMs`: always the instant the demo org was generated at, so a reopened demo
 * regenerates them with the same times and ids (demo-sandbox.ts).
 */
export function applyDemoChanges(sandbox: Pick<RunningSandbox, 'model' | 'state'>, atMs: number): void {
  for (const event of demoAuditEvents(sandbox)) applyEvent(sandbox.state, event, atMs);
}
