import { afterEach, describe, expect, it } from 'vitest';
import { api, ApiError, errorMessage, unwrap } from '../../../renderer/lib/api';
import { installFakeApi } from '../fake-api';

afterEach(() => {
  delete window.api;
});

describe('renderer api access', () => {
  it('unwraps ok results into their value', async () => {
    installFakeApi({ 'clade:app/info': () => ({ name: 'Clade Admin', version: '1.0.0', mode: 'live' }) });
    await expect(unwrap(api().app.info())).resolves.toEqual({ name: 'Clade Admin', version: '1.0.0', mode: 'live' });
  });

  it("turns an error result into an ApiError carrying main's code and message", async () => {
    installFakeApi({
      'clade:org/tree': () => ({ ok: false, error: { code: 'unavailable', message: 'The mirror is locked.' } }),
    });
    const failure = await unwrap(api().org.tree()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'unavailable', message: 'The mirror is locked.' });
    expect(errorMessage(failure)).toBe('The mirror is locked.');
  });

  it('says clearly when there is no bridge (page opened outside the app)', () => {
    expect(() => api()).toThrow(/not running inside Clade Admin/);
  });

  it('shows a generic message for unexpected errors', () => {
    expect(errorMessage(new TypeError('x is undefined'))).not.toContain('undefined');
  });
});
