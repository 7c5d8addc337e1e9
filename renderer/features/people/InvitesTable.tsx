/**
 * The org's invites: role, sent, age in days, expiry and status; a pending one can be deleted, and a new one
 * sent, through the confirmed and recorded admin actions (MemberActions.tsx). `focusId` marks the invite an
 * alert was about.
 */
import type { Invite } from '../../../preload/contract';
import { formatDate, formatStatus } from '../../lib/format';
import { DeleteInviteButton, InviteForm } from '../actions/MemberActions';
import { formatOrgRole, plural } from './people-format';

export function InvitesTable({
  invites,
  focusId,
  onChanged,
}: {
  invites: Invite[];
  focusId: string | null;
  onChanged: () => void;
}) {
  return (
    <>
      <InviteForm onChanged={onChanged} />
      {invites.length === 0 ? (
        <p className="muted">No invites.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Invites table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Invited</th>
                <th scope="col" className="num">
                  Age
                </th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => (
                <tr key={invite.id} className={invite.id === focusId ? 'selected' : undefined}>
                  <th scope="row">{invite.email}</th>
                  <td>{formatOrgRole(invite.role)}</td>
                  <td>{formatDate(invite.invitedAtMs)}</td>
                  <td className="num">{plural(invite.ageDays, 'day')}</td>
                  <td>{formatDate(invite.expiresAtMs)}</td>
                  <td>{formatStatus(invite.status)}</td>
                  <td>
                    {invite.status === 'pending' && <DeleteInviteButton inviteId={invite.id} onChanged={onChanged} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
