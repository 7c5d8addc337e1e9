import { describe, expect, it, vi } from 'vitest';
import { registerGateway } from '../../../main/ipc/gateway';
import { createSenderCheck } from '../../../main/ipc/sender-check';
import { createHandlers } from '../../../main/ipc/create-handlers';
import { channelKinds } from '../../../preload/contract';
import { createElectronDouble, fakeFrame } from '../../helpers/electron-double';
import { sampleInfo, sampleTree, unusedVault } from './fixtures';

const appFileUrl = 'file:///app/out/renderer/index.html';

function setup() {
  const electron = createElectronDouble();
  const readOrgTree = vi.fn(() => sampleTree);
  const log = vi.fn();
  const unregister = registerGateway({
    ipcMain: electron.ipcMain,
    handlers: {
      ...createHandlers({
        appInfo: () => sampleInfo,
        mirror: () => null,
        now: () => 0,
        vault: unusedVault,
        onKeyChanged: async () => undefined,
      }),
      'clade:org/tree': async () => readOrgTree(),
    },
    isTrustedSender: createSenderCheck({ appFileUrl }),
    log,
  });
  return { electron, readOrgTree, log, unregister };
}

describe('registerGateway', () => {
  it('registers exactly the invoke channels of the contract', () => {
    const { electron } = setup();
    const invoke = channelKinds()
      .filter((c) => c.kind === 'invoke')
      .map((c) => c.name);
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...invoke].sort());
  });

  it('answers our own main frame with the handler value', async () => {
    const { electron } = setup();
    const answer = await electron.ipcMain.invoke('clade:org/tree', { frame: fakeFrame(appFileUrl) });
    expect(answer).toEqual({ ok: true, value: sampleTree });
  });

  it('refuses a foreign page before parsing or calling the handler', async () => {
    const { electron, readOrgTree, log } = setup();
    const answer = await electron.ipcMain.invoke('clade:org/tree', { frame: fakeFrame('https://evil.test/') });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(readOrgTree).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('untrusted'));
  });

  it('leaves unknown channels without a handler, so Electron rejects them', async () => {
    const { electron } = setup();
    await expect(electron.ipcMain.invoke('clade:key/reveal', { frame: fakeFrame(appFileUrl) })).rejects.toThrow(
      /No handler/,
    );
  });

  it('refuses a bad payload from a trusted frame without calling the handler', async () => {
    const { electron, readOrgTree } = setup();
    const answer = await electron.ipcMain.invoke('clade:org/tree', { frame: fakeFrame(appFileUrl) }, { limit: 5 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(readOrgTree).not.toHaveBeenCalled();
  });

  it('removes its handlers when unregistered', () => {
    const { electron, unregister } = setup();
    unregister();
    expect(electron.ipcMain.handlers.size).toBe(0);
  });
});
