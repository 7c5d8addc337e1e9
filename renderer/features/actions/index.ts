/** Admin-action UI for other features to mount: the one confirmation dialog and the people actions. */
export { ConfirmActionDialog } from './ConfirmActionDialog';
export { DeleteInviteButton, InviteForm, OrgMemberActions, WorkspaceMemberActions } from './MemberActions';
