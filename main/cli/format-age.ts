/** "as of 2026-11-23 09:14 UTC, 3 min ago": the mirror's age, the way the window shows it. */
export function formatAge(atMs: number, nowMs: number): string {
  const iso = new Date(atMs).toISOString();
  return `as of ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC, ${relative(nowMs - atMs)}`;
}

function relative(ms: number): string {
  if (ms < 0) return 'in the future (clock skew?)';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
