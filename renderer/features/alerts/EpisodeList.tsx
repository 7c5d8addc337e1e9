/** Open or recent episodes: severity, title, text, target, when it opened (and closed), relative age. */
import type { AlertEpisode } from '../../../preload/contract';
import { formatAge } from '../../lib/format';
import { SEVERITY_LABELS, formatWhen, ruleLabel } from './alert-format';
import { SnoozeControl } from './SnoozeControl';

function holdText(episode: AlertEpisode, timeZone: string): string | null {
  if (episode.heldBy === null) return null;
  const until = episode.heldUntilMs === null ? '' : ` until ${formatWhen(episode.heldUntilMs, timeZone)}`;
  return episode.heldBy === 'snooze'
    ? `Notification held by a snooze${until}`
    : `Notification held for quiet hours${until}`;
}

export function EpisodeList({
  episodes,
  nowMs,
  timeZone,
  open,
}: {
  episodes: AlertEpisode[];
  nowMs: number;
  timeZone: string;
  open: boolean;
}) {
  return (
    <ul className="episode-list">
      {episodes.map((episode, index) => {
        const held = open ? holdText(episode, timeZone) : null;
        const headingId = `${open ? 'open' : 'recent'}-episode-${index}`;
        return (
          <li key={episode.id} className="episode" aria-labelledby={headingId}>
            <div className="episode-head">
              <span className={`badge severity-${episode.severity}`}>{SEVERITY_LABELS[episode.severity]}</span>
              <h4 id={headingId}>{episode.title}</h4>
            </div>
            <p className="episode-body">{episode.body}</p>
            <dl className="episode-facts">
              <div>
                <dt>Target</dt>
                <dd>{episode.targetName}</dd>
              </div>
              <div>
                <dt>Rule</dt>
                <dd>{ruleLabel(episode.rule)}</dd>
              </div>
              <div>
                <dt>Opened</dt>
                <dd>
                  <time dateTime={new Date(episode.openedAtMs).toISOString()}>
                    {formatWhen(episode.openedAtMs, timeZone)}
                  </time>{' '}
                  ({formatAge(episode.openedAtMs, nowMs)})
                </dd>
              </div>
              {episode.closedAtMs !== null && (
                <div>
                  <dt>Closed</dt>
                  <dd>
                    <time dateTime={new Date(episode.closedAtMs).toISOString()}>
                      {formatWhen(episode.closedAtMs, timeZone)}
                    </time>{' '}
                    ({formatAge(episode.closedAtMs, nowMs)})
                  </dd>
                </div>
              )}
            </dl>
            {held && <p className="episode-held">{held}</p>}
            {open && <SnoozeControl episode={episode} idPrefix={headingId} />}
          </li>
        );
      })}
    </ul>
  );
}
