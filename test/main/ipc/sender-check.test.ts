import { describe, expect, it } from 'vitest';
import { createSenderCheck } from '../../../main/ipc/sender-check';
import { fakeFrame } from '../../helpers/electron-double';

const appFileUrl = 'file:///opt/Clade%20Admin/resources/app.asar/out/renderer/index.html';
const check = createSenderCheck({ appFileUrl, devOrigin: 'http://localhost:5173' });
const fromMain = (url: string) => {
  const frame = fakeFrame(url);
  return { senderFrame: frame, sender: { mainFrame: frame } };
};

describe('createSenderCheck', () => {
  it('accepts our own page in the main frame, with or without a hash', () => {
    expect(check(fromMain(appFileUrl))).toBe(true);
    expect(check(fromMain(`${appFileUrl}#/keys`))).toBe(true);
  });

  it('accepts the dev server origin only when configured', () => {
    expect(check(fromMain('http://localhost:5173/'))).toBe(true);
    expect(createSenderCheck({ appFileUrl })(fromMain('http://localhost:5173/'))).toBe(false);
  });

  it('refuses other files, other origins and look-alike hosts', () => {
    for (const url of [
      'file:///tmp/evil/index.html',
      'https://console.anthropic.com/',
      'http://localhost:5174/',
      'http://localhost:5173.evil.test/',
      'about:blank',
      'not a url',
    ]) {
      expect(check(fromMain(url)), url).toBe(false);
    }
  });

  it('refuses a subframe even when it shows our page', () => {
    const main = fakeFrame(appFileUrl);
    const child = fakeFrame(appFileUrl, main);
    expect(check({ senderFrame: child, sender: { mainFrame: main } })).toBe(false);
  });

  it('refuses a destroyed or navigated-away frame (senderFrame null)', () => {
    expect(check({ senderFrame: null, sender: { mainFrame: fakeFrame(appFileUrl) } })).toBe(false);
  });
});
