/**
 * Snooze one episode's alerts: what to snooze (this rule on this target, every alert on the target, or the rule
 * everywhere) and for how long. Native selects and a button: Tab reaches them, arrows change a select, Enter
 * or Space snoozes.
 */
import { useState } from 'react';
import type { AlertEpisode, SnoozeDurationId } from '../../../preload/contract';
import { useAlertsStore, type SnoozeSubject } from '../../stores/useAlertsStore';
import { DURATIONS, describeSubject, ruleLabel } from './alert-format';

type Scope = 'this' | 'target' | 'rule';

function subjectOf(episode: AlertEpisode, scope: Scope): SnoozeSubject {
  if (scope === 'target') return { rule: '*', targetId: episode.targetId };
  if (scope === 'rule') return { rule: episode.rule, targetId: null };
  return { rule: episode.rule, targetId: episode.targetId };
}

export function SnoozeControl({ episode, idPrefix }: { episode: AlertEpisode; idPrefix: string }) {
  const snooze = useAlertsStore((s) => s.snooze);
  const busy = useAlertsStore((s) => s.busy);
  const [scope, setScope] = useState<Scope>('this');
  const [duration, setDuration] = useState<SnoozeDurationId>('1d');
  const subject = subjectOf(episode, scope);
  return (
    <div className="snooze-control" role="group" aria-label={`Snooze: ${episode.title}`}>
      <label htmlFor={`${idPrefix}-scope`}>Snooze</label>
      <select id={`${idPrefix}-scope`} value={scope} onChange={(event) => setScope(event.target.value as Scope)}>
        <option value="this">This alert</option>
        <option value="target">Every alert on {episode.targetName}</option>
        <option value="rule">Every “{ruleLabel(episode.rule)}” alert</option>
      </select>
      <label htmlFor={`${idPrefix}-duration`}>for</label>
      <select
        id={`${idPrefix}-duration`}
        value={duration}
        onChange={(event) => setDuration(event.target.value as SnoozeDurationId)}
      >
        {DURATIONS.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void snooze(subject, duration, describeSubject(subject.rule, subject.targetId, episode.targetName))
        }
      >
        Snooze
      </button>
    </div>
  );
}
