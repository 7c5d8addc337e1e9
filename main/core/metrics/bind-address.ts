/**
 * Which addresses `serve-metrics --bind` may use without a token: only loopback ones, reachable from this machine
 * alone. Anything else (0.0.0.0, ::, a LAN or public address, a host name) opens the mirror's figures to a network
 * and needs a bearer token. Pure: the address as written, no resolving (a name that resolves to loopback today may
 * not tomorrow, so only `localhost` itself counts).
 */
export function isLoopbackBind(address: string): boolean {
  const host = address
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host.replace(/^::ffff:/, ''));
  return v4 !== null && v4.slice(1).every((part) => Number(part) <= 255);
}

/** The host part of a URL for an address (IPv6 in brackets). */
export function urlHost(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
}
