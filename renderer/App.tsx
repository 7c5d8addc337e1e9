/**
 * The window: a header with the org and its freshness, a file problem with the mirror when there is one (above every
 * view, with its way out), the first-run welcome screen until the user dismisses it, then the views (overview, org
 * tree, API keys, spend, people, posture, audit, alerts, settings). Data flows only through the stores, which read window.api; a
 * finished sync (push channel) reloads what is on screen, and main can switch the view (a notification or tray item
 * was clicked: the navigate push).
 */
import { useCallback, useEffect } from 'react';
import { useAppStore } from './stores/useAppStore';
import { useOrgStore } from './stores/useOrgStore';
import { useSyncStore } from './stores/useSyncStore';
import { applyTheme, useUiStore } from './stores/useUiStore';
import { useOverviewStore } from './stores/useOverviewStore';
import { useKeysStore } from './stores/useKeysStore';
import { AppHeader } from './features/shell/AppHeader';
import { ViewNav } from './features/navigation/ViewNav';
import { Onboarding } from './features/onboarding/Onboarding';
import { OverviewView } from './features/overview/OverviewView';
import { TreeScreen } from './features/org-tree/TreeScreen';
import { KeyInventoryView } from './features/keys/KeyInventoryView';
import { SettingsView } from './features/settings/SettingsView';
import { SpendView } from './features/spend/SpendView';
import { AuditView } from './features/audit/AuditView';
import { useAuditStore } from './stores/useAuditStore';
import { useAlertsStore } from './stores/useAlertsStore';
import { AlertsView } from './features/alerts/AlertsView';
import { StorageProblemBanner } from './features/shell/StorageProblemBanner';
import { PeopleView } from './features/people/PeopleView';
import { usePeopleStore } from './stores/usePeopleStore';
import { FirstSyncProgress } from './features/first-run/FirstSyncProgress';
import { PostureView } from './features/posture/PostureView';
import { usePostureStore } from './stores/usePostureStore';

export function App() {
  const info = useAppStore((state) => state.info);
  const loadInfo = useAppStore((state) => state.load);
  const tree = useOrgStore((state) => state.tree);
  const loadTree = useOrgStore((state) => state.load);
  const progress = useSyncStore((state) => state.progress);
  const listen = useSyncStore((state) => state.listen);
  const { view, setView, theme, onboarded, finishOnboarding } = useUiStore();

  useEffect(() => applyTheme(theme), [theme]);

  // What every view shows, read again from the mirror: after a sync, and once a new mirror replaced an unreadable one.
  const reloadViews = useCallback(() => {
    void loadTree();
    void useOverviewStore.getState().load();
    void useKeysStore.getState().load();
    void usePeopleStore.getState().load();
    void useAuditStore.getState().refresh();
    void useAlertsStore.getState().load();
    if (usePostureStore.getState().view !== null) void usePostureStore.getState().load();
  }, [loadTree]);

  useEffect(() => {
    void loadInfo();
    void loadTree();
    try {
      return listen(reloadViews);
    } catch {
      return undefined; // no bridge: the views' error state already says so
    }
  }, [loadInfo, loadTree, listen, reloadViews]);

  useEffect(() => {
    try {
      return useUiStore.getState().listenNavigation();
    } catch {
      return undefined; // no bridge: nothing can ask for a view
    }
  }, []);

  const welcome = !onboarded && info?.mode === 'demo';
  // A mirror's first sync (right after a key was stored) can take minutes: its progress, and what is usable already.
  const firstSync = progress?.phase === 'running' && progress.first === true ? progress : null;
  const inFirstSync = firstSync !== null;
  // A first sync means another mirror is open now (a key was just stored): what the window shows comes from it.
  useEffect(() => {
    if (!inFirstSync) return;
    void loadInfo();
    reloadViews();
  }, [inFirstSync, loadInfo, reloadViews]);

  return (
    <div className="app">
      <AppHeader
        info={info}
        orgName={tree?.org.name ?? null}
        syncedAtMs={tree?.syncedAtMs ?? null}
        progress={progress}
      />
      <StorageProblemBanner onMoved={reloadViews} />
      {firstSync && (
        <FirstSyncProgress
          progress={firstSync}
          onOpen={(next) => {
            finishOnboarding();
            setView(next);
            reloadViews(); // its data arrived after the window last read it
          }}
        />
      )}
      {welcome ? (
        <main className="app-main">
          <Onboarding
            onExploreDemo={() => {
              finishOnboarding();
              setView('tree');
            }}
          />
        </main>
      ) : (
        <>
          <ViewNav view={view} onChange={setView} />
          <main className="app-main">
            {view === 'overview' && <OverviewView />}
            {view === 'tree' && <TreeScreen />}
            {view === 'keys' && <KeyInventoryView />}
            {view === 'spend' && <SpendView />}
            {view === 'people' && <PeopleView />}
            {view === 'posture' && <PostureView />}
            {view === 'audit' && <AuditView />}
            {view === 'alerts' && <AlertsView />}
            {view === 'settings' && <SettingsView />}
          </main>
        </>
      )}
    </div>
  );
}
