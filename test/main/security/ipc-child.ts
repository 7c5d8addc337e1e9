/**
 * Runs inside a keyring session (test/helpers/keyring.ts) for admin-key-leak.test.ts: builds the window's handlers
 * the way main/index.ts does (createHandlers over the profile's mirror, a window vault on the REAL keychain through
 * keytar, the SDK verifier on the sandbox, the first live sync of openWindowData), drives every invoke channel of
 * the contract through the real gateway, and prints the recorded responses, sync-progress pushes and log lines as one
 * JSON object on stdout. Never prints a request payload.
 *   node --import tsx test/main/security/ipc-child.ts connected|revoked
 * Env: CLADE_DATA_DIR, LEAK_PROFILE, LEAK_SANDBOX_URL, LEAK_KEY_FILE, LEAK_WRONG_KEY_FILE, LEAK_API_KEY_FILE.
 * Keys come from files so that they never appear in a command line or in the session script.
 */
import { readFileSync } from 'node:fs';
import { createProfilesFile } from '../../../main/adapters/profiles-file';
import { createKeytarSecretStore } from '../../../main/adapters/secret-store-keytar';
import { createWindowVault } from '../../../main/services/profiles';
import { createSdkVerifier } from '../../../main/adapters/anthropic/verify-key';
import { createHandlers } from '../../../main/ipc/create-handlers';
import { channelKinds } from '../../../preload/contract';
import { openWindowData, type WindowData } from '../../../main/services/open-profile';
import { createRecordingGateway } from '../../helpers/recording-gateway';

/** Requests for channels that take one; every other invoke channel is called with no payload. */
const REQUESTS: Record<string, unknown> = {
  'clade:usage/series': { range: { kind: 'preset', preset: '30d' }, bucket: 'day', groupBy: 'key', metric: 'cost' },
  'clade:audit/search': { query: '' },
  'clade:audit/export': { query: '', format: 'csv' },
  // State changes recorded in the trail: the scan below covers what they write to the mirror too.
  'clade:alerts/snooze': { rule: 'spend-anomaly', targetId: null, duration: '1h' },
  'clade:settings/set': { name: 'sync.intervalMinutes', value: 30 },
};
/** The key channels are driven one by one below, with good and bad keys. */
const KEY_CHANNELS = new Set(['clade:key/set', 'clade:key/clear']);

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`ipc-child: ${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const phase = process.argv[2] === 'revoked' ? 'revoked' : 'connected';
  const dataDir = env('CLADE_DATA_DIR');
  const profileId = env('LEAK_PROFILE');
  const sandboxUrl = env('LEAK_SANDBOX_URL');
  const readKey = (name: string) => readFileSync(env(name), 'utf8').trim();
  const key = readKey('LEAK_KEY_FILE');
  const secrets = createKeytarSecretStore({ timeoutMs: 5_000 });
  const vault = createWindowVault({
    profileId,
    secrets,
    profiles: createProfilesFile(dataDir),
    verify: createSdkVerifier(sandboxUrl),
    clock: Date,
  });
  let data: WindowData | null = null;
  const gateway = createRecordingGateway(
    createHandlers({
      appInfo: () => ({ name: 'Clade Admin', version: '0.0.0-test', mode: data?.mode ?? 'demo' }),
      mirror: () => data?.db ?? null,
      now: () => Date.now(),
      vault,
      onKeyChanged: async () => undefined,
    }),
  );
  // What main/index.ts does at start: open the profile's data (the stored key from the keychain, then a first live
  // sync, here against the sandbox), its progress pushed to the window and its failures logged.
  data = await openWindowData({
    dataDir,
    profileId,
    readStoredKey: (id) => secrets.get(id),
    baseURL: sandboxUrl,
    requestsPerMinute: null,
    onProgress: (progress) => gateway.push('clade:sync/progress-changed', progress),
    log: gateway.log,
  });
  await data.ready;
  try {
    await gateway.invoke('clade:key/status', undefined);
    if (phase === 'connected') {
      await gateway.invoke(
        'clade:key/set',
        { key, label: 'Leak Test Org' },
        'key.set with the good key (rotation to itself)',
      );
      await gateway.invoke(
        'clade:key/set',
        { key: readKey('LEAK_WRONG_KEY_FILE') },
        'key.set with a key the API rejects',
      );
      await gateway.invoke('clade:key/set', { key: `${key}!` }, 'key.set with a malformed copy of the key');
      await gateway.invoke(
        'clade:key/set',
        { key: `  "${key.slice(0, 60)}"  ` },
        'key.set with a truncated copy of the key',
      );
      await gateway.invoke('clade:key/set', { key: readKey('LEAK_API_KEY_FILE') }, 'key.set with a regular API key');
      await gateway.invoke(
        'clade:key/set',
        { key, label: 'x'.repeat(200) },
        'key.set with an invalid label (bad request)',
      );
      await gateway.invoke('clade:key/set', { key: 42 }, 'key.set with a non-string key (bad request)');
      await gateway.invokeUntrusted('clade:key/set', { key });
    } else {
      await gateway.invoke('clade:key/set', { key }, 'key.set with the revoked key');
    }
    for (const { name, kind } of channelKinds()) {
      if (kind !== 'invoke' || KEY_CHANNELS.has(name)) continue;
      await gateway.invoke(name, REQUESTS[name]);
    }
    // An admin who pastes the key into the audit search box (to find "which key is this?"): neither the answer nor
    // the export record the trail keeps of the query may hold it.
    await gateway.invoke('clade:audit/search', { query: key }, 'audit.search for the key itself');
    await gateway.invoke('clade:audit/search', { query: `after:${key}` }, 'audit.search with the key as a bad date');
    await gateway.invoke(
      'clade:audit/export',
      { query: key, format: 'jsonl' },
      'audit.export of a query holding the key',
    );
    await gateway.invokeUntrusted('clade:keys/inventory', undefined);
    await gateway.invoke('clade:key/status', undefined, 'key.status at the end');
  } finally {
    gateway.close();
    data.db.close();
  }
  const { responses, logs, pushes } = gateway;
  process.stdout.write(`${JSON.stringify({ phase, mode: data.mode, responses, logs, pushes })}\n`);
}

main().catch((error: unknown) => {
  // The message only: a stack or a payload could carry the key into the test's output.
  process.stderr.write(`ipc-child failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
