/** The top bar: the org's name, demo or live, and how fresh the mirror is ("as of 09:14, 3 min ago"). */
import { useEffect, useState } from 'react';
import type { AppInfo, SyncProgress } from '../../../preload/contract';
import { formatFreshness } from '../../lib/format';

interface Props {
  info: AppInfo | null;
  orgName: string | null;
  syncedAtMs: number | null;
  progress: SyncProgress | null;
}

export function AppHeader({ info, orgName, syncedAtMs, progress }: Props) {
  const now = useNow(30_000);
  const syncing = progress?.phase === 'running';
  return (
    <header className="app-header">
      <h1>Clade Admin{orgName && <span className="org-name"> · {orgName}</span>}</h1>
      {info?.mode === 'demo' && (
        <span className="badge badge-demo" title="No admin key is stored: this is a generated demo organization.">
          Demo org
        </span>
      )}
      <p className="freshness" role="status" aria-live="polite">
        {syncing
          ? `Syncing ${progress.resource ?? ''}… ${progress.rows} rows`
          : orgName
            ? formatFreshness(syncedAtMs, now)
            : ''}
      </p>
    </header>
  );
}

/** The current time, refreshed every `everyMs` so ages ("3 min ago") stay true. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
