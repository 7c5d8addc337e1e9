/**
 * What the person holds, in the Offboard dialog: their workspaces (the only-admin ones flagged), the active keys
 * they created with the last 30 days and a Deactivate / Keep choice each (keeping asks who inherits it), the
 * pending invites they sent where the compliance feed knows it, and their Claude Code month.
 */
import type { OffboardHoldings as Holdings } from '../../../preload/contract';
import { formatCents, formatCount, formatDate, formatRole } from '../../lib/format';
import type { KeyChoice } from '../../stores/useOffboardingStore';

export function OffboardHoldings({
  holdings,
  choices,
  onChoose,
}: {
  holdings: Holdings;
  choices: Record<string, KeyChoice> | null;
  onChoose?: (keyId: string, choice: KeyChoice) => void;
}) {
  const cc = holdings.claudeCode;
  return (
    <div className="offboard-holdings">
      <h3>Workspaces ({holdings.memberships.length})</h3>
      {holdings.memberships.length === 0 ? (
        <p className="muted">No workspace memberships besides the default workspace.</p>
      ) : (
        <ul aria-label="Workspace memberships">
          {holdings.memberships.map((m) => (
            <li key={m.workspaceId}>
              {m.workspaceName}: {formatRole(m.role)}
              {m.onlyAdmin && <strong className="warning"> · only workspace admin</strong>}
            </li>
          ))}
        </ul>
      )}
      <h3>Active keys they created ({holdings.keys.length})</h3>
      {holdings.keys.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="offboard-keys" aria-label="Active keys they created">
          {holdings.keys.map((key) => {
            const choice = choices?.[key.id] ?? { keep: false, inheritor: '' };
            return (
              <li key={key.id}>
                <span>
                  <strong>{key.name}</strong> in {key.workspaceName} · {formatCount(key.tokens30d)} tokens,{' '}
                  {formatCents(key.estimateCents30d)} (estimate) in 30 days · last used{' '}
                  {key.lastUsedDayMs === null ? 'never seen' : formatDate(key.lastUsedDayMs)}
                </span>
                {onChoose && (
                  <fieldset>
                    <legend className="visually-hidden">What to do with key {key.name}</legend>
                    <label>
                      <input
                        type="radio"
                        name={`choice-${key.id}`}
                        checked={!choice.keep}
                        onChange={() => onChoose(key.id, { ...choice, keep: false })}
                      />{' '}
                      Deactivate
                    </label>{' '}
                    <label>
                      <input
                        type="radio"
                        name={`choice-${key.id}`}
                        checked={choice.keep}
                        onChange={() => onChoose(key.id, { ...choice, keep: true })}
                      />{' '}
                      Keep
                    </label>
                    {choice.keep && (
                      <label className="offboard-inheritor">
                        Who inherits {key.name}
                        <input
                          value={choice.inheritor}
                          onChange={(e) => onChoose(key.id, { ...choice, inheritor: e.target.value })}
                          autoComplete="off"
                        />
                      </label>
                    )}
                  </fieldset>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h3>Pending invites they sent</h3>
      {!holdings.invitesSent.known ? (
        <p className="muted">Unknown: only the compliance feed says who sent an invite.</p>
      ) : holdings.invitesSent.invites.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul aria-label="Pending invites they sent">
          {holdings.invitesSent.invites.map((invite) => (
            <li key={invite.id}>
              {invite.email} ({invite.role}), expires {formatDate(invite.expiresAtMs)}
            </li>
          ))}
        </ul>
      )}
      <h3>Claude Code</h3>
      <p>
        {cc.sessions30d === 0
          ? 'No sessions in the last 30 days'
          : `${cc.sessions30d} sessions on ${cc.daysActive30d} days in the last 30 days (estimate ${formatCents(cc.estimatedCostCents30d)})`}
        {cc.lastDayMs === null ? '.' : `; last active ${formatDate(cc.lastDayMs)}.`}
      </p>
    </div>
  );
}
