/**
 * One key's details with the actions the Admin API allows on it: disable / re-enable, rename, archive
 * (irreversible). Each opens the confirmation dialog; the inventory reloads when an action ends.
 */
import { useState } from 'react';
import type { KeyInventoryRow } from '../../../preload/contract';
import { formatDate, formatStatus } from '../../lib/format';
import { useActionsStore } from '../../stores/useActionsStore';
import { KeyCostEstimate } from './KeyCostEstimate';

export function KeyDetailPanel({
  keyRow,
  onClose,
  onChanged,
}: {
  keyRow: KeyInventoryRow;
  onClose: () => void;
  onChanged: () => void;
}) {
  const begin = useActionsStore((s) => s.begin);
  const [name, setName] = useState(keyRow.name);
  const archived = keyRow.status === 'archived';
  const setStatus = (status: 'active' | 'inactive' | 'archived') =>
    void begin({ kind: 'apikey.set-status', keyId: keyRow.id, status }, onChanged);
  return (
    <section className="key-detail" aria-labelledby="key-detail-title">
      <div className="view-title">
        <h3 id="key-detail-title">Key {keyRow.name}</h3>
        <button type="button" onClick={onClose} aria-label="Close key details">
          Close
        </button>
      </div>
      <dl>
        <dt>Workspace</dt>
        <dd>{keyRow.workspaceName}</dd>
        <dt>Status</dt>
        <dd data-testid="key-detail-status">{formatStatus(keyRow.status)}</dd>
        <dt>Expires</dt>
        <dd>{keyRow.expiresAtMs === null ? 'never' : formatDate(keyRow.expiresAtMs)}</dd>
        <dt>Hygiene</dt>
        <dd>{keyRow.reason}</dd>
        <KeyCostEstimate keyId={keyRow.id} />
      </dl>
      {archived ? (
        <p className="muted">Archived keys cannot be changed.</p>
      ) : (
        <div className="key-actions" role="group" aria-label="Key actions">
          {keyRow.status === 'active' && (
            <button type="button" onClick={() => setStatus('inactive')}>
              Disable
            </button>
          )}
          {keyRow.status === 'inactive' && (
            <button type="button" onClick={() => setStatus('active')}>
              Enable
            </button>
          )}
          <form
            className="rename"
            onSubmit={(event) => {
              event.preventDefault();
              void begin({ kind: 'apikey.rename', keyId: keyRow.id, name: name.trim() }, onChanged);
            }}
          >
            <label htmlFor="key-rename">New name</label>
            <input id="key-rename" value={name} onChange={(e) => setName(e.target.value)} />
            <button type="submit" disabled={name.trim() === '' || name.trim() === keyRow.name}>
              Rename
            </button>
          </form>
          <button type="button" className="danger" onClick={() => setStatus('archived')}>
            Archive…
          </button>
        </div>
      )}
    </section>
  );
}
