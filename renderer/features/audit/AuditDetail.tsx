/**
 * One event in full: when (local and UTC), source, type, actor, targets, workspace and key; then before → after
 * for a change, or the raw activity for a feed event. Its heading takes focus when the detail opens, and Escape
 * hands focus back to the grid.
 */
import { forwardRef, type KeyboardEvent } from 'react';
import type { AuditEventView } from '../../../preload/contract';
import { actorLabel, changeRows, formatLocalTime, formatUtc, SOURCE_LABEL, targetLabel } from './audit-format';

interface Props {
  event: AuditEventView | null;
  onClose: () => void;
}

export const AuditDetail = forwardRef<HTMLHeadingElement, Props>(function AuditDetail({ event, onClose }, headingRef) {
  const onKeyDown = (key: KeyboardEvent<HTMLElement>): void => {
    if (key.key === 'Escape') {
      key.preventDefault();
      onClose();
    }
  };
  if (!event) {
    return (
      <section className="details audit-detail" aria-labelledby="audit-detail-title">
        <h2 id="audit-detail-title">Event details</h2>
        <p className="muted">Choose an event (arrow keys, then Enter) to see who did what, and what changed.</p>
      </section>
    );
  }
  const rows = changeRows(event.before, event.after);
  return (
    <section className="details audit-detail" aria-labelledby="audit-detail-title" onKeyDown={onKeyDown}>
      <h2 id="audit-detail-title" ref={headingRef} tabIndex={-1}>
        {event.summary}
      </h2>
      <dl className="facts">
        <div>
          <dt>When</dt>
          <dd>
            <time dateTime={new Date(event.atMs).toISOString()} title={formatUtc(event.atMs)}>
              {formatLocalTime(event.atMs)}
            </time>{' '}
            <span className="muted">({formatUtc(event.atMs)})</span>
          </dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>{SOURCE_LABEL[event.source]}</dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>
            <code>{event.type}</code>
          </dd>
        </div>
        <div>
          <dt>Actor</dt>
          <dd>
            {actorLabel(event.actor)}
            {event.actor?.email && event.actor.email !== actorLabel(event.actor) && (
              <span className="muted"> {event.actor.email}</span>
            )}
            {event.actor && <span className="muted"> ({event.actor.kind.replace(/_/g, ' ')})</span>}
          </dd>
        </div>
        {event.targets.length > 0 && (
          <div>
            <dt>Targets</dt>
            <dd>
              <ul className="plain-list">
                {event.targets.map((target, index) => (
                  <li key={`${target.type}-${target.id ?? index}`}>{targetLabel(target)}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        {event.workspaceId && (
          <div>
            <dt>Workspace</dt>
            <dd>
              <code>{event.workspaceId}</code>
            </dd>
          </div>
        )}
        {event.keyId && (
          <div>
            <dt>API key</dt>
            <dd>
              <code>{event.keyId}</code>
            </dd>
          </div>
        )}
        <div>
          <dt>Recorded</dt>
          <dd>
            <time dateTime={new Date(event.recordedAtMs).toISOString()} title={formatUtc(event.recordedAtMs)}>
              {formatLocalTime(event.recordedAtMs)}
            </time>{' '}
            <span className="muted">#{event.id}</span>
          </dd>
        </div>
      </dl>
      {rows.length > 0 && (
        <>
          <h3>Before → after</h3>
          <table className="table audit-changes">
            <caption className="visually-hidden">Fields before and after this change</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.field} data-changed={row.changed ? '' : undefined}>
                  <th scope="row">{row.field}</th>
                  <td>{row.before}</td>
                  <td>{row.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {event.raw !== null && (
        <>
          <h3>Raw activity</h3>
          <pre className="audit-raw" tabIndex={0} aria-label="Raw activity from the feed, as JSON">
            {JSON.stringify(event.raw, null, 2)}
          </pre>
        </>
      )}
      <p className="muted audit-hash">
        Chain hash <code>{event.hash.slice(0, 16)}…</code>
      </p>
      <button type="button" onClick={onClose}>
        Back to the list
      </button>
    </section>
  );
});
