/** The org tree view with its loading, error and empty states; the badges come with the tree from main. */
import { useOrgStore } from '../../stores/useOrgStore';
import { LoadState } from '../shell/LoadState';
import { OrgTreeView } from './OrgTreeView';

export function TreeScreen() {
  const { status, tree, error, load } = useOrgStore();
  return (
    <LoadState status={status} error={error} onRetry={() => void load()}>
      {tree ? (
        <OrgTreeView tree={tree} />
      ) : (
        <div className="notice">
          <h2>No organization yet</h2>
          <p>Clade Admin has not synced an organization into this profile yet. It appears here after the first sync.</p>
        </div>
      )}
    </LoadState>
  );
}
