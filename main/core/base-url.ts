/**
 * The stored admin key goes only to the real API or to a loopback sandbox. Anything else,
 * including look-alike hosts and credentials or paths smuggled into the URL, is refused.
 */
export const PRODUCTION_BASE_URL = 'https://api.anthropic.com';

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

export function checkBaseUrl(url: string): BaseUrlCheck {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { ok: false, reason: `not a URL: ${JSON.stringify(url)}` };
  }
  if (parsed.username || parsed.password) return { ok: false, reason: 'a base URL may not carry credentials' };
  if (parsed.search || parsed.hash) return { ok: false, reason: 'a base URL may not carry a query or fragment' };
  if (parsed.pathname !== '/' && parsed.pathname !== '') {
    return { ok: false, reason: 'a base URL may not carry a path' };
  }
  const origin = `${parsed.protocol}//${parsed.host}`;
  if (
    parsed.protocol === 'https:' &&
    parsed.hostname === 'api.anthropic.com' &&
    (parsed.port === '' || parsed.port === '443')
  ) {
    return { ok: true, url: PRODUCTION_BASE_URL };
  }
  if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && isLoopbackHost(parsed.hostname)) {
    return { ok: true, url: origin };
  }
  return {
    ok: false,
    reason: `the admin key may only be sent to ${PRODUCTION_BASE_URL} or a loopback address, not ${origin}`,
  };
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  // URL normalises IPv4 forms (e.g. 0x7f.1 → 127.0.0.1), so a dotted-quad test is enough here.
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return false;
  const octets = m.slice(1).map(Number);
  return octets.every((o) => o <= 255) && octets[0] === 127;
}
