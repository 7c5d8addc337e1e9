// Compliance Activity Feed records (admin-api.md §5). Recorded only while compliance is enabled (not retroactive).
import { makeId } from './ids';
import { createRng, hashSeed } from './prng';
import { registerCursor } from './store';
import type { OrgModel, UserRec } from './types';

export type ActivityActor =
  | { type: 'user_actor'; email_address: string; user_id: string; ip_address: string; user_agent: string }
  | { type: 'admin_api_key_actor'; admin_api_key_id: string; ip_address: string; user_agent: string }
  | { type: 'anthropic_actor' };

export interface ActivityRec {
  id: string;
  createdAtMs: number;
  type: string;
  actor: ActivityActor;
  fields: Record<string, unknown>;
}

export interface ActivityLog {
  enabled: boolean;
  enabledAtMs: number | null;
  records: ActivityRec[];
  counter: number;
}

export function userActor(user: Pick<UserRec, 'id' | 'email'>): ActivityActor {
  const n = hashSeed(user.id);
  return {
    type: 'user_actor',
    email_address: user.email,
    user_id: user.id,
    ip_address: `203.0.113.${(n % 250) + 1}`,
    user_agent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  };
}

export function recordActivity(
  model: OrgModel,
  log: ActivityLog,
  atMs: number,
  type: string,
  actor: ActivityActor,
  fields: Record<string, unknown>,
): ActivityRec | null {
  if (!log.enabled || log.enabledAtMs === null || atMs < log.enabledAtMs) return null;
  log.counter++;
  const rec: ActivityRec = {
    id: makeId('activity', createRng(hashSeed(model.seed, 'activity', log.counter, atMs))),
    createdAtMs: atMs,
    type,
    actor,
    fields,
  };
  log.records.push(rec);
  registerCursor(model, 'activities', rec.id, atMs);
  return rec;
}

export function activityObject(model: OrgModel, a: ActivityRec): unknown {
  return {
    id: a.id,
    created_at: new Date(a.createdAtMs).toISOString(),
    organization_id: model.org.complianceId,
    organization_uuid: model.org.id,
    type: a.type,
    actor: a.actor,
    ...a.fields,
  };
}
