/** The top bar: the org's name, demo or live, and how fresh the mirror is ("as of 09:14, 3 min ago"). */
import { useEffect, useState } from 'react';
import type { AppInfo, SyncProgress } from '../../../preload/contract';
import { formatFreshness } from '../../lib/format';
import { resourceLabel } from '../first-run/first-sync-format';

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
        {syncing ? syncingLine(progress) : orgName ? formatFreshness(syncedAtMs, now) : ''}
      </p>
    </header>
  );
}

/** "Syncing members… 120 rows (3 of 15)": the part under way, its rows, and the run's parts when known. */
function syncingLine(progress: SyncProgress): string {
  const what = progress.resource ? resourceLabel(progress.resource) : '';
  const parts =
    progress.resourcesTotal !== undefined && progress.resourcesTotal > 0
      ? ` (${progress.resourcesDone ?? 0} of ${progress.resourcesTotal})`
      : '';
  return `Syncing ${what}… ${progress.rows} rows${parts}`;
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
