/**
 * #19: property-based fuzzing of every IPC invoke channel of the contract (a new channel is fuzzed without touching
 * this file), through the real path: registerGateway with the window's sender check (what registerWindowIpc wires),
 * ipcMain of the Electron double, dispatch, and a spy in place of each handler. Fixed seed, RUNS per channel and
 * property. Properties:
 *  1. from our own page, a payload (anything, or a near miss of the channel's request shape) reaches the handler
 *     if and only if the channel's schema accepts it, and then as the schema's own parse of it; otherwise the
 *     answer is `bad-request`;
 *  2. from a wrong sender (another page or origin, an iframe of ours, a frame that is not the main frame, no frame,
 *     an unparsable URL), nothing reaches a handler, whatever the payload: the answer is `forbidden-sender`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerGateway } from '../../../main/ipc/gateway';
import { HandlerError } from '../../../main/ipc/handler-error';
import type { Handlers } from '../../../main/ipc/handler-types';
import { createSenderCheck, type FrameLike } from '../../../main/ipc/sender-check';
import { channelKinds, channels, type ChannelName } from '../../../preload/contract';
import { createElectronDouble, fakeFrame } from '../../helpers/electron-double';
import { nearMiss, shapedLike } from '../../helpers/zod-arbitrary';

/** Stated in the README's Security section: keep them in step. */
const SEED = 19;
const RUNS = { payloads: 500, senders: 200 };

const appFileUrl = 'file:///app/out/renderer/index.html';
const devOrigin = 'http://localhost:5173';
const invokeChannels = channelKinds()
  .filter((c) => c.kind === 'invoke')
  .map((c) => c.name as ChannelName);

type Answer = { ok: boolean; error?: { code: string } };

function gatewayWithSpies() {
  const electron = createElectronDouble();
  const calls: Array<{ channel: string; request: unknown }> = [];
  const spy = (channel: string) => async (request: unknown) => {
    calls.push({ channel, request });
    throw new HandlerError('not-found', 'spy');
  };
  registerGateway({
    ipcMain: electron.ipcMain,
    handlers: Object.fromEntries(invokeChannels.map((name) => [name, spy(name)])) as unknown as Handlers,
    isTrustedSender: createSenderCheck({ appFileUrl, devOrigin }),
    log: () => undefined,
  });
  const invoke = (channel: string, from: { frame: FrameLike | null; mainFrame?: FrameLike }, payload: unknown) =>
    electron.ipcMain.invoke(channel, from, payload) as Promise<Answer>;
  return { invoke, calls, registered: [...electron.ipcMain.handlers.keys()] };
}

/** Senders that are not our window's main frame showing our page, each wrong by construction. */
const wrongSender: fc.Arbitrary<{ frame: FrameLike | null; mainFrame?: FrameLike }> = fc.oneof(
  fc.constant({ frame: null }),
  fc
    .webUrl({ withQueryParameters: true, withFragments: true })
    .filter((u) => new URL(u).origin !== devOrigin)
    .map((url) => ({ frame: fakeFrame(url) })),
  fc.webPath().map((path) => ({ frame: fakeFrame(`file:///app/out/renderer/other${path}`) })),
  fc
    .constantFrom('file:///evil/index.html', 'http://localhost:5174/', 'https://localhost:5173/', 'about:blank')
    .map((url) => ({ frame: fakeFrame(url) })),
  fc
    .string()
    .filter((s) => !URL.canParse(s))
    .map((url) => ({ frame: fakeFrame(url) })),
  // Our own page, but in an iframe, or in a frame other than the window's main frame.
  fc.constant({ frame: fakeFrame(appFileUrl, fakeFrame(appFileUrl)) }),
  fc.constant({ frame: fakeFrame(appFileUrl), mainFrame: fakeFrame(appFileUrl) }),
);

describe(`IPC fuzz: every invoke channel, seed ${SEED}`, () => {
  it('the contract has invoke channels to fuzz, and the gateway registers each of them', () => {
    const { registered } = gatewayWithSpies();
    expect(invokeChannels.length).toBeGreaterThan(20);
    expect(registered.sort()).toEqual([...invokeChannels].sort());
  });

  it.each(invokeChannels)('%s: a payload reaches the handler only as its schema parses it', async (channel) => {
    const { invoke, calls } = gatewayWithSpies();
    const schema = channels[channel].request;
    const payload = fc.oneof(fc.anything(), shapedLike(schema), nearMiss(schema));
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(payload, async (sent) => {
        calls.length = 0;
        const parsed = schema.safeParse(sent);
        const answer = await invoke(channel, { frame: fakeFrame(appFileUrl) }, sent);
        if (parsed.success) {
          accepted += 1;
          expect(calls).toEqual([{ channel, request: parsed.data }]);
          expect(answer).toMatchObject({ ok: false, error: { code: 'not-found' } });
        } else {
          expect(calls).toEqual([]);
          expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
        }
      }),
      { seed: SEED, numRuns: RUNS.payloads },
    );
    // The generators must reach the handler sometimes, or property 1 would hold vacuously.
    expect(accepted).toBeGreaterThan(0);
  });

  it.each(invokeChannels)('%s: a wrong sender never reaches the handler', async (channel) => {
    const { invoke, calls } = gatewayWithSpies();
    const schema = channels[channel].request;
    await fc.assert(
      fc.asyncProperty(wrongSender, fc.oneof(shapedLike(schema), fc.anything()), async (from, sent) => {
        const answer = await invoke(channel, from, sent);
        expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
        expect(calls).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS.senders },
    );
  });
});
