/** The org tree view with its loading, error and empty states; badges come from the key inventory and spend. */
import { useEffect, useMemo } from 'react';
import { useOrgStore } from '../../stores/useOrgStore';
import { useKeysStore } from '../../stores/useKeysStore';
import { useOverviewStore } from '../../stores/useOverviewStore';
import { LoadState } from '../shell/LoadState';
import { OrgTreeView } from './OrgTreeView';
import type { TreeAnnotations } from './tree-nodes';

export function TreeScreen() {
  const { status, tree, error, load } = useOrgStore();
  const keys = useKeysStore((state) => state.keys);
  const loadKeys = useKeysStore((state) => state.load);
  const spend = useOverviewStore((state) => state.spend);
  const loadOverview = useOverviewStore((state) => state.load);
  useEffect(() => {
    void loadKeys();
    void loadOverview();
  }, [loadKeys, loadOverview]);
  const annotations = useMemo<TreeAnnotations>(
    () => ({
      keyVerdicts: new Map(keys.map((key) => [key.id, { verdict: key.verdict, reason: key.reason }])),
      workspaceSpend: new Map((spend?.byWorkspace ?? []).map((row) => [row.workspaceId ?? 'default', row.cents])),
      currency: spend?.currency,
    }),
    [keys, spend],
  );
  return (
    <LoadState status={status} error={error} onRetry={() => void load()}>
      {tree ? (
        <OrgTreeView tree={tree} annotations={annotations} />
      ) : (
        <div className="notice">
          <h2>No organization yet</h2>
          <p>Clade Admin has not synced an organization into this profile yet. It appears here after the first sync.</p>
        </div>
      )}
    </LoadState>
  );
}
