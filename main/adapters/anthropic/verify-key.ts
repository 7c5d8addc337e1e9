/** The key verifier: one `GET /v1/organizations/me` with the key, to learn whose it is before it is stored. */
import { checkBaseUrl } from '../../core/base-url';
import type { VerifyKey } from '../../core/vault/ports';
import { createAnthropicClient } from './client';

export function createSdkVerifier(baseUrl: string): VerifyKey {
  return async (key) => {
    const checked = checkBaseUrl(baseUrl);
    if (!checked.ok) throw new Error(`refusing to send the key: ${checked.reason}`);
    const { client } = createAnthropicClient({ apiKey: key, baseURL: checked.url, maxRetries: 1, timeoutMs: 20_000 });
    const org = await client.beta.organization.retrieve();
    return { orgId: org.id, orgName: org.name };
  };
}
