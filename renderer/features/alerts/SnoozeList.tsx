/** The active snoozes, each with a button that ends it early. */
import type { AlertsList } from '../../../preload/contract';
import { useAlertsStore } from '../../stores/useAlertsStore';
import { describeSubject, formatWhen } from './alert-format';

export function SnoozeList({ list }: { list: AlertsList }) {
  const unsnooze = useAlertsStore((s) => s.unsnooze);
  const busy = useAlertsStore((s) => s.busy);
  if (list.snoozes.length === 0) return <p>Nothing is snoozed.</p>;
  return (
    <ul className="snooze-list">
      {list.snoozes.map((snooze) => {
        const what = describeSubject(snooze.rule, snooze.targetId, snooze.targetName);
        return (
          <li key={`${snooze.rule}|${snooze.targetId ?? '*'}`}>
            <span>
              {what[0]!.toUpperCase() + what.slice(1)}, until {formatWhen(snooze.untilMs, list.timeZone)}
            </span>
            <button
              type="button"
              disabled={busy}
              aria-label={`Unsnooze ${what}`}
              onClick={() => void unsnooze({ rule: snooze.rule, targetId: snooze.targetId }, what)}
            >
              Unsnooze
            </button>
          </li>
        );
      })}
    </ul>
  );
}
