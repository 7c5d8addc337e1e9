import { describe, expect, it } from 'vitest';
import { describeActionError } from '../../../main/services/actions/describe-action-error';
import { AdminApiError } from '../../../main/core/api-error';

const err = (
  kind: ConstructorParameters<typeof AdminApiError>[0],
  message: string,
  status: number | null,
  code: string | null = null,
  retryAfterMs: number | null = null,
) => new AdminApiError(kind, message, 'POST /v1/organizations/api_keys/apikey_01', status, 'req_1', code, retryAfterMs);

describe('describeActionError', () => {
  it.each([
    [
      err('forbidden', 'key lacks permission', 403),
      'forbidden',
      /refused this action \(403\): key lacks permission\. The admin key may not be allowed/,
    ],
    [
      err('bad_request', 'Cannot remove the last member of the organization.', 400, 'cannot_remove_last_member'),
      'cannot_remove_last_member',
      /refused this action: Cannot remove the last member.*\[cannot_remove_last_member\]/,
    ],
    [
      // admin-api.md §8: not a permission problem; the same request may be sent again.
      err('forbidden', 'Could not confirm the requester.', 403, 'api_key_requester_unconfirmed'),
      'requester_unconfirmed',
      /could not confirm this request came from your organization \(403\).*Safe to retry/,
    ],
    [err('not_found', 'API key not found', 404), 'not_found', /Not found \(404\).*sync and try again/],
    [
      err('rate_limited', 'slow down', 429, null, 2500),
      'rate_limited',
      /rate limiting.*nothing was changed\. Try again in 3 s/,
    ],
    [err('unauthorized', 'invalid x-api-key', 401), 'unauthorized', /admin key was refused \(401\)/],
    [err('server', 'boom', 500), 'server', /failed \(500\).*Sync to check/],
  ])('%#: %s', (error, code, message) => {
    const described = describeActionError(error);
    expect(described.code).toBe(code);
    expect(described.message).toMatch(message);
  });

  it('never repeats a key that an API message quoted', () => {
    const described = describeActionError(err('bad_request', 'bad key sk-ant-admin01-TESTTESTTESTTESTTESTTEST', 400));
    expect(described.message).not.toContain('TESTTESTTESTTESTTESTTEST');
  });
});
