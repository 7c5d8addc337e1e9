import Anthropic from '@anthropic-ai/sdk';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltCli } from '../../helpers/built-cli';

describe('clade-admin sandbox serve --port 0', () => {
  let child: ChildProcess;
  let ready: { url: string; adminKey: string; controlUrl: string; controlToken: string };

  beforeAll(async () => {
    const started = await startBuiltCli(['sandbox', 'serve', '--port', '0']);
    child = started.child;
    ready = JSON.parse(started.firstLine);
  });

  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'close');
    }
  });

  it('prints one JSON ready line with a loopback URL, a real-shaped admin key and the control API', () => {
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.adminKey).toMatch(/^sk-ant-admin01-[A-Za-z0-9_-]{20,}$/);
    expect(ready.controlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(ready.controlToken.length).toBeGreaterThanOrEqual(16);
  });

  it.each([1, 1000])('lets the SDK list every user exactly once at limit %i', async (limit) => {
    const client = new Anthropic({ apiKey: ready.adminKey, baseURL: ready.url, maxRetries: 0 });
    const ids: string[] = [];
    for await (const user of client.beta.organization.users.list({ limit })) ids.push(user.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
    // The same set either way: paging must neither lose nor invent users.
    const all: string[] = [];
    for await (const user of client.beta.organization.users.list({ limit: 1000 })) all.push(user.id);
    expect([...ids].sort()).toEqual([...all].sort());
  });

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = await once(child, 'close');
    expect(code).toBe(0);
  });
});
