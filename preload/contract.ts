/**
 * THE IPC contract (design.md §3): every channel between the renderer and main, with zod schemas for its
 * request and response. Imported by main (gateway), preload (window.api) and the renderer (types only).
 * Keep it free of Electron and Node imports: the renderer and the web harness read it too.
 */
import { z } from 'zod';

export const OrgMemberDto = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  /** The member's role in this workspace (workspace_user, workspace_admin, …). */
  workspaceRole: z.string(),
});

export const OrgKeyDto = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  /** The API's own partial hint (e.g. "sk-ant-api03-R2D...igAA"): safe to show, never a full key. */
  partialKeyHint: z.string().nullable(),
  createdAtMs: z.number(),
  expiresAtMs: z.number().nullable(),
});

export const OrgWorkspaceDto = z.object({
  /** null for the default workspace when the API gives it no id (older API shape). */
  id: z.string().nullable(),
  name: z.string(),
  isDefault: z.boolean(),
  archived: z.boolean(),
  members: z.array(OrgMemberDto),
  keys: z.array(OrgKeyDto),
});

export const OrgTreeDto = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  /** When the mirror was last synced (epoch ms); null when it never was. */
  syncedAtMs: z.number().nullable(),
  workspaces: z.array(OrgWorkspaceDto),
});

export type OrgMember = z.infer<typeof OrgMemberDto>;
export type OrgKey = z.infer<typeof OrgKeyDto>;
export type OrgWorkspace = z.infer<typeof OrgWorkspaceDto>;
export type OrgTree = z.infer<typeof OrgTreeDto>;
