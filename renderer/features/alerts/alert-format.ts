/** Words and times of the alert centre. Pure. */
import type { AlertEpisode, AlertRuleId, SnoozeDurationId } from '../../../preload/contract';

export const RULE_LABELS: Record<AlertRuleId, string> = {
  'spend-threshold': 'Spend against budgets and limits',
  'spend-forecast': 'Spend forecast',
  'spend-anomaly': 'Spend anomaly',
  'key-expiry': 'Key expiry',
  'key-expired-active': 'Expired keys still active',
  'key-rotation': 'Key rotation',
  'key-dormant': 'Dormant keys',
  'key-orphaned': 'Keys of people who left',
  'new-privileged-member': 'New admins and owners',
  'pending-invite': 'Pending invites',
  'production-key-change': 'Production key changes',
  'sync-health': 'Sync health',
};

export function ruleLabel(rule: AlertRuleId | '*'): string {
  return rule === '*' ? 'All alerts' : RULE_LABELS[rule];
}

export const DURATIONS: Array<{ id: SnoozeDurationId; label: string }> = [
  { id: '1h', label: '1 hour' },
  { id: '1d', label: '1 day' },
  { id: '1w', label: '1 week' },
  { id: 'tomorrow-morning', label: 'Until tomorrow morning' },
];

export const SEVERITY_LABELS: Record<AlertEpisode['severity'], string> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Info',
};

/** "23 Nov, 14:05" in the admin's zone. */
export function formatWhen(ms: number, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    }).format(new Date(ms));
  } catch {
    return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  }
}

/** What a snooze covers, in words: "this alert", "every alert on Production", "every Key expiry alert". */
export function describeSubject(rule: AlertRuleId | '*', targetId: string | null, targetName: string | null): string {
  const target = targetId === null ? '' : ` on ${targetName ?? targetId}`;
  if (rule === '*') return targetId === null ? 'every alert' : `every alert${target}`;
  return `${ruleLabel(rule)} alerts${target}`;
}
