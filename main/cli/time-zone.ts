/** The system's IANA zone: quiet hours, the digest and dates in texts use it unless the admin pinned another. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
