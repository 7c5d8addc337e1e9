/**
 * What a running sandbox itself serves, read through the SDK: the ground truth a read model or a command must
 * match, independent of the mirror and of the code under test.
 */
import Anthropic from '@anthropic-ai/sdk';

export interface TruthUser {
  id: string;
  name: string;
  email: string;
  role: string;
}
export interface TruthKey {
  id: string;
  name: string;
  status: string;
  createdAtMs: number;
  /** The workspace id; null for an organization-scoped key. */
  workspaceId: string | null;
}
export interface TruthWorkspace {
  id: string;
  name: string;
  isDefault: boolean;
  /** user id → workspace role, as the member list gives it. */
  members: Map<string, string>;
}
export interface SandboxTruth {
  users: TruthUser[];
  workspaces: TruthWorkspace[];
  keys: TruthKey[];
}

export async function readSandboxTruth(sandbox: { url: string; adminKey: string }): Promise<SandboxTruth> {
  const client = new Anthropic({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: 0 });
  const org = client.beta.organization;
  const users: TruthUser[] = [];
  for await (const u of org.users.list({ limit: 1000 }))
    users.push({ id: u.id, name: u.name, email: u.email, role: u.role });
  // The default workspace is the one listed only with include_default (admin-api.md §3.4).
  const named = new Set<string>();
  for await (const ws of org.workspaces.list({ limit: 1000, include_archived: true } as never)) named.add(ws.id);
  const workspaces: TruthWorkspace[] = [];
  for await (const ws of org.workspaces.list({ limit: 1000, include_archived: true, include_default: true } as never)) {
    const members = new Map<string, string>();
    for await (const m of org.workspaces.members.list(ws.id, { limit: 1000 })) members.set(m.user_id, m.workspace_role);
    workspaces.push({ id: ws.id, name: ws.name, isDefault: !named.has(ws.id), members });
  }
  const defaultId = workspaces.find((w) => w.isDefault)?.id ?? null;
  const keys: TruthKey[] = [];
  for await (const key of org.apiKeys.list({ limit: 1000 })) {
    const raw = key as unknown as {
      scope?: { type: string; workspace_id?: string } | null;
      workspace_id?: string | null;
      created_at: string;
    };
    keys.push({
      id: key.id,
      name: key.name,
      status: key.status,
      createdAtMs: Date.parse(raw.created_at),
      // Legacy shape: no scope, and workspace_id null for the default workspace.
      workspaceId:
        raw.scope?.type === 'organization' ? null : (raw.scope?.workspace_id ?? raw.workspace_id ?? defaultId),
    });
  }

  return { users, workspaces, keys };
}

export const ORG_ADMIN_ROLES = ['admin', 'owner', 'primary_owner'];
