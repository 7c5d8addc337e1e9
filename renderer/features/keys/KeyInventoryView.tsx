/**
 * Key inventory: every key with workspace, status, age, expiry, creator (and whether still a member),
 * last day with usage, 30-day tokens and a hygiene verdict with its reason. Filter by verdict.
 */
import { useEffect, useMemo, useState } from 'react';
import type { KeyInventoryRow } from '../../../preload/contract';
import { useKeysStore } from '../../stores/useKeysStore';
import { formatAge, formatCount, formatDate, formatStatus } from '../../lib/format';
import { LoadState } from '../shell/LoadState';
import { ConfirmActionDialog } from '../actions/ConfirmActionDialog';
import { KeyDetailPanel } from './KeyDetailPanel';

const VERDICT_LABEL: Record<KeyInventoryRow['verdict'], string> = {
  ok: 'OK',
  'rotate-soon': 'Rotate soon',
  dormant: 'Dormant',
  expiring: 'Expiring',
  expired: 'Expired',
  orphaned: 'Orphaned',
  'default-workspace': 'Default workspace',
  inactive: 'Inactive',
};

export function KeyInventoryView() {
  const { status, keys, error, load } = useKeysStore();
  const [filter, setFilter] = useState<'all' | 'attention' | KeyInventoryRow['verdict']>('all');
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = keys.find((key) => key.id === openId) ?? null;
  useEffect(() => {
    void load();
  }, [load]);
  const shown = useMemo(
    () =>
      keys.filter(
        (key) =>
          filter === 'all' ||
          (filter === 'attention' ? key.verdict !== 'ok' && key.verdict !== 'inactive' : key.verdict === filter),
      ),
    [keys, filter],
  );
  const now = Date.now();
  return (
    <LoadState status={status} error={error} onRetry={() => void load()}>
      <div className="keys">
        <div className="view-title">
          <h2>API keys</h2>
          <label htmlFor="verdict-filter">Show</label>
          <select
            id="verdict-filter"
            value={filter}
            onChange={(event) => setFilter(event.target.value as typeof filter)}
          >
            <option value="all">All keys ({keys.length})</option>
            <option value="attention">Needs attention</option>
            {Object.entries(VERDICT_LABEL).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="API keys table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Workspace</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Creator</th>
                <th scope="col">Last used</th>
                <th scope="col" className="num">
                  Tokens, 30 days
                </th>
                <th scope="col">Hygiene</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((key) => (
                <tr
                  key={key.id}
                  className={key.id === openId ? 'selected' : undefined}
                  onClick={() => setOpenId(key.id)}
                  onKeyDown={(event) => event.key === 'Enter' && setOpenId(key.id)}
                  tabIndex={0}
                  aria-label={`${key.name}, ${formatStatus(key.status)}: press Enter for details and actions`}
                >
                  <th scope="row">
                    <span className="key-name">{key.name}</span>
                    {key.partialKeyHint && <code className="hint">{key.partialKeyHint}</code>}
                  </th>
                  <td>{key.workspaceName}</td>
                  <td>{formatStatus(key.status)}</td>
                  <td>{formatAge(key.createdAtMs, now)}</td>
                  <td>{key.expiresAtMs === null ? 'never' : formatDate(key.expiresAtMs)}</td>
                  <td>
                    {key.creatorName ?? '—'}
                    {key.creatorIsMember === false && <span className="badge badge-warn">left the org</span>}
                  </td>
                  <td>{key.lastUsedDayMs === null ? 'no usage' : formatDate(key.lastUsedDayMs)}</td>
                  <td className="num">{formatCount(key.tokens30d)}</td>
                  <td>
                    <span className={`verdict verdict-${key.verdict}`}>{VERDICT_LABEL[key.verdict]}</span>
                    <span className="reason">{key.reason}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {shown.length === 0 && <p className="muted">No key matches this filter.</p>}
        {opened && (
          <KeyDetailPanel
            key={opened.id}
            keyRow={opened}
            onClose={() => setOpenId(null)}
            onChanged={() => void load()}
          />
        )}
        <ConfirmActionDialog />
      </div>
    </LoadState>
  );
}
