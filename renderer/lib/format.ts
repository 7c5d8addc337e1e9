/** Display formatting shared by the views: dates, ages, roles, statuses. Pure, locale-aware where it matters. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "3 min ago", "5 h ago", "2 days ago". */
export function formatAge(thenMs: number, nowMs: number): string {
  const age = Math.max(0, nowMs - thenMs);
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`;
  const days = Math.floor(age / DAY);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** "as of 09:14, 3 min ago" — the freshness line the design asks for. */
export function formatFreshness(syncedAtMs: number | null, nowMs: number): string {
  if (syncedAtMs === null) return 'never synced';
  const time = new Date(syncedAtMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return `as of ${time}, ${formatAge(syncedAtMs, nowMs)}`;
}

export function formatDate(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

const ROLE_LABELS: Record<string, string> = {
  workspace_user: 'User',
  workspace_developer: 'Developer',
  workspace_admin: 'Workspace admin',
  workspace_billing: 'Billing',
  workspace_restricted_developer: 'Restricted developer',
};

const ORG_ROLE_LABELS: Record<string, string> = {
  primary_owner: 'Primary owner',
  owner: 'Owner',
  admin: 'Admin',
  developer: 'Developer',
  billing: 'Billing',
  user: 'User',
  claude_code_user: 'Claude Code user',
  membership_admin: 'Membership admin',
  managed: 'Managed',
};

/** The org roles in the order the window lists them: owners and admins first (main/core/org/org-roles.ts). */
export const ORG_ROLE_ORDER: readonly string[] = Object.keys(ORG_ROLE_LABELS);

/** An org role (admin-api.md §3.1): `claude_code_user` → "Claude Code user"; unknown ones de-underscored. */
export function formatOrgRole(role: string): string {
  return ORG_ROLE_LABELS[role] ?? role.replace(/_/g, ' ');
}

/** workspace_admin → "Workspace admin"; unknown roles are shown as the API spells them, de-underscored. */
export function formatRole(role: string): string {
  return ROLE_LABELS[role] ?? role.replace(/_/g, ' ');
}

export function formatStatus(status: string): string {
  return status.charAt(0).toUpperCase() + status.slice(1).replace(/_/g, ' ');
}

/**
 * "123456.789" cents → "$1,234.57". Exact: BigInt cents rounded half up, never a float for money.
 * Fractions of a cent are shown only when the total is below one cent.
 */
export function formatCents(cents: string, currency = 'USD'): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(cents);
  if (!match) return cents;
  const [, sign, whole, fraction = ''] = match;
  let rounded = BigInt(whole!) + (fraction !== '' && Number(fraction[0]) >= 5 ? 1n : 0n);
  if (rounded === 0n && fraction !== '' && /[1-9]/.test(fraction)) return `${sign}< ${currencySymbol(currency)}0.01`;
  const dollars = rounded / 100n;
  rounded %= 100n;
  const grouped = dollars.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${currencySymbol(currency)}${grouped}.${rounded.toString().padStart(2, '0')}`;
}

function currencySymbol(currency: string): string {
  return currency === 'USD' ? '$' : `${currency} `;
}

/** 1234567 → "1.2M", 5300 → "5.3k". Token counts only (never money). */
export function formatCount(value: number): string {
  if (value >= 1_000_000) return `${(value / 1_000_000).toFixed(1)}M`;
  if (value >= 1_000) return `${(value / 1_000).toFixed(1)}k`;
  return String(value);
}
