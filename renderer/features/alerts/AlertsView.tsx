/**
 * The alert centre: open episodes with snooze, the active snoozes, recently closed episodes and the
 * rule settings. Everything comes from main through the alerts store; a finished sync reloads the list.
 */
import { useEffect } from 'react';
import { useAlertsStore } from '../../stores/useAlertsStore';
import { EpisodeList } from './EpisodeList';
import { RulesForm } from './RulesForm';
import { SnoozeList } from './SnoozeList';
import './alerts.css';

export function AlertsView() {
  const list = useAlertsStore((s) => s.list);
  const listError = useAlertsStore((s) => s.listError);
  const status = useAlertsStore((s) => s.status);
  const actionError = useAlertsStore((s) => s.actionError);
  const load = useAlertsStore((s) => s.load);
  const loadRules = useAlertsStore((s) => s.loadRules);
  useEffect(() => {
    void load();
    void loadRules();
  }, [load, loadRules]);

  return (
    <section className="alerts-view" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Alerts</h2>
      <p className="alerts-status" role="status">
        {status ?? ''}
      </p>
      {actionError && (
        <p role="alert" className="field-error">
          {actionError}
        </p>
      )}
      {listError && <p role="alert">{listError}</p>}
      {list && (
        <>
          <section aria-labelledby="alerts-open-heading" className="alerts-section">
            <h3 id="alerts-open-heading">Open alerts ({list.open.length})</h3>
            {list.open.length === 0 ? (
              <p>No open alerts.</p>
            ) : (
              <EpisodeList episodes={list.open} nowMs={list.nowMs} timeZone={list.timeZone} open />
            )}
          </section>
          <section aria-labelledby="alerts-snoozes-heading" className="alerts-section">
            <h3 id="alerts-snoozes-heading">Snoozed</h3>
            <SnoozeList list={list} />
          </section>
          <section aria-labelledby="alerts-recent-heading" className="alerts-section">
            <h3 id="alerts-recent-heading">Recently closed ({list.recent.length})</h3>
            {list.recent.length === 0 ? (
              <p>Nothing closed recently.</p>
            ) : (
              <EpisodeList episodes={list.recent} nowMs={list.nowMs} timeZone={list.timeZone} open={false} />
            )}
          </section>
        </>
      )}
      <section aria-labelledby="alerts-rules-heading" className="alerts-section">
        <h3 id="alerts-rules-heading">Rules</h3>
        <RulesForm />
      </section>
    </section>
  );
}
