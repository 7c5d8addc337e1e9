import { describe, expect, it } from 'vitest';
import { checkBaseUrl } from '../../../main/core/base-url';

describe('checkBaseUrl', () => {
  it('allows the real API and normalises it', () => {
    expect(checkBaseUrl('https://api.anthropic.com')).toEqual({ ok: true, url: 'https://api.anthropic.com' });
    expect(checkBaseUrl('https://api.anthropic.com/')).toEqual({ ok: true, url: 'https://api.anthropic.com' });
    expect(checkBaseUrl('https://api.anthropic.com:443')).toEqual({ ok: true, url: 'https://api.anthropic.com' });
  });

  it('allows loopback sandboxes over http or https', () => {
    expect(checkBaseUrl('http://127.0.0.1:4010')).toEqual({ ok: true, url: 'http://127.0.0.1:4010' });
    expect(checkBaseUrl('http://127.8.9.10:1')).toEqual({ ok: true, url: 'http://127.8.9.10:1' });
    expect(checkBaseUrl('http://localhost:5000/')).toEqual({ ok: true, url: 'http://localhost:5000' });
    expect(checkBaseUrl('https://[::1]:8443')).toEqual({ ok: true, url: 'https://[::1]:8443' });
  });

  it('refuses every other destination for the stored key', () => {
    for (const url of [
      'http://api.anthropic.com',
      'https://api.anthropic.com.evil.example',
      'https://evil.example/?https://api.anthropic.com',
      'https://api.anthropic.com:8443',
      'http://10.0.0.1:80',
      'http://128.0.0.1',
      'http://localhost.evil.example',
      'https://user:pw@api.anthropic.com',
      'https://api.anthropic.com/v1',
      'ftp://127.0.0.1',
      'file:///etc/passwd',
      'not a url',
      '',
    ]) {
      const result = checkBaseUrl(url);
      expect(result.ok, url).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
    }
  });
});
