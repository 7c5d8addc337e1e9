/**
 * The window: loads the app info and the org tree through the stores, follows sync progress, and shows
 * the tree, a loading state, an error with a retry, or (when the mirror is empty) the first-run screen.
 */
import { useEffect } from 'react';
import { useAppStore } from './stores/useAppStore';
import { useOrgStore } from './stores/useOrgStore';
import { useSyncStore } from './stores/useSyncStore';
import { AppHeader } from './features/shell/AppHeader';
import { OrgTreeView } from './features/org-tree/OrgTreeView';

export function App() {
  const info = useAppStore((state) => state.info);
  const loadInfo = useAppStore((state) => state.load);
  const { status, tree, error, load } = useOrgStore();
  const progress = useSyncStore((state) => state.progress);
  const listen = useSyncStore((state) => state.listen);

  useEffect(() => {
    void loadInfo();
    void load();
    try {
      return listen(() => void load());
    } catch {
      return undefined; // no bridge: the error state below already says so
    }
  }, [loadInfo, load, listen]);

  return (
    <div className="app">
      <AppHeader info={info} orgName={tree?.org.name ?? null} syncedAtMs={tree?.syncedAtMs ?? null} progress={progress} />
      <main className="app-main">
        {status === 'error' && (
          <div role="alert" className="notice notice-error">
            <p>{error}</p>
            <button type="button" onClick={() => void load()}>
              Try again
            </button>
          </div>
        )}
        {(status === 'idle' || status === 'loading') && (
          <p role="status" className="muted">
            Reading the local mirror…
          </p>
        )}
        {status === 'ready' && tree && <OrgTreeView tree={tree} />}
        {status === 'ready' && !tree && (
          <div className="notice">
            <h2>No organization yet</h2>
            <p>Clade Admin has not synced an organization into this profile.</p>
          </div>
        )}
      </main>
    </div>
  );
}
