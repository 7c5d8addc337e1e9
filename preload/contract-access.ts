/**
 * Who can reach a workspace: its members, the org roles that reach every workspace, and its keys. One read model
 * (main/db/queries/workspace-access.ts) answers both the window's workspace details and `clade-admin access`.
 * Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or Node imports).
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';
import { KeyHygieneVerdict } from './contract-verdict';

/** One person who can reach the workspace, and how. */
export const AccessPersonDto = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  /** Their org role; null when the member is no longer in the org's user list. */
  orgRole: z.string().nullable(),
  /** The role they act with here: an org admin's implicit workspace_admin outranks a smaller explicit role. */
  workspaceRole: z.string(),
  /** Their explicit workspace membership role; null when they reach it only through their org role. */
  memberRole: z.string().nullable(),
  /** The workspace role their org role gives them in every workspace; null when it gives none. */
  implicitRole: z.string().nullable(),
  /** `member` (explicit membership only), `implicit` (no membership) or `both`. */
  via: z.enum(['member', 'implicit', 'both']),
  /** Why the implicit role: "org admin", "org billing", "default workspace"…; null without one. */
  implicitBecause: z.string().nullable(),
  /**
   * The implicit role is our assumption, not the API's documentation (core/org/implicit-access.ts): documented are
   * admin → workspace_admin and billing → workspace_billing; assumed are owner and primary_owner → workspace_admin.
   */
  assumed: z.boolean(),
});
export type AccessPerson = z.infer<typeof AccessPersonDto>;

export const AccessKeyDto = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  partialKeyHint: z.string().nullable(),
  createdAtMs: z.number(),
  /** The creator's name, "a service account", "a former member", or null when the API names none. */
  creatorName: z.string().nullable(),
  /** false when the creating user is no longer a member; null when no user created it. */
  creatorIsMember: z.boolean().nullable(),
  /** The one key-hygiene verdict (main/db/queries/key-hygiene.ts). */
  verdict: KeyHygieneVerdict,
});
export type AccessKey = z.infer<typeof AccessKeyDto>;

export const WorkspaceAccessDto = z.object({
  workspace: z.object({
    /** null for a default workspace the API gives no id (older shape). */
    id: z.string().nullable(),
    name: z.string(),
    isDefault: z.boolean(),
    archived: z.boolean(),
  }),
  /** Sorted by name; explicit members and everyone an org role lets in. */
  people: z.array(AccessPersonDto),
  /** The workspace's own keys, sorted by name. */
  keys: z.array(AccessKeyDto),
  /**
   * Org members who could be added: no membership here and an org role that does not already make them
   * workspace_admin everywhere (the API refuses to change those memberships). Sorted by name.
   */
  addable: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string(), orgRole: z.string() })),
  /** Organization-scoped keys: bound to a principal, not to a workspace; they reach what their principal reaches. */
  organizationKeys: z.array(AccessKeyDto),
});
export type WorkspaceAccess = z.infer<typeof WorkspaceAccessDto>;

/** A workspace by id; `null` asks for the default workspace (which may have no id). */
export const WorkspaceAccessRequest = z.object({ workspaceId: z.string().min(1).max(200).nullable() });

export const accessChannels = {
  'clade:workspaces/access': {
    kind: 'invoke',
    request: WorkspaceAccessRequest,
    /** null when the mirror holds no such workspace. */
    response: WorkspaceAccessDto.nullable(),
  },
} as const satisfies Record<string, ChannelSpec>;
