import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { proxyFetchFromEnv } from '../../../../main/adapters/anthropic/proxy-fetch';

const servers: Server[] = [];
async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((r) => {
          s.closeAllConnections();
          s.close(() => r());
        }),
    ),
  );
});

/** A forward proxy (absolute-URI requests and CONNECT tunnels) that records what it is asked for. */
async function recordingProxy(): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const upstream = httpRequest(req.url!, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  server.on('connect', (req, socket, head) => {
    seen.push(`CONNECT ${req.url ?? ''}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host!, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return { url: await listen(server), seen };
}

describe('proxyFetchFromEnv', () => {
  it('is null without proxy variables (plain fetch is used)', () => {
    expect(proxyFetchFromEnv({})).toBeNull();
  });

  it('sends requests through HTTP(S)_PROXY and bypasses hosts in NO_PROXY', async () => {
    const target = await listen(createServer((_req, res) => res.end('{"ok":true}')));
    const proxy = await recordingProxy();
    const viaProxy = proxyFetchFromEnv({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url })!;
    expect(await (await viaProxy(`${target}/v1/organizations/me`)).json()).toEqual({ ok: true });
    // Either form of proxying is fine; what matters is that the request went through the proxy.
    expect(proxy.seen).toHaveLength(1);
    expect([`${target}/v1/organizations/me`, `CONNECT ${target.slice('http://'.length)}`]).toContain(proxy.seen[0]);

    const bypass = proxyFetchFromEnv({ http_proxy: proxy.url, no_proxy: '127.0.0.1' })!;
    expect(await (await bypass(`${target}/v1/organizations/users`)).json()).toEqual({ ok: true });
    expect(proxy.seen).toHaveLength(1);
  });
});
