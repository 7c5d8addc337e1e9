/**
 * The renderer's test double of window.api, generated from the contract table with the same builder
 * preload uses: every channel exists with its real method name, answers are checked against the
 * channel's response schema (a fixture outside the contract fails the test), and pushes are played by
 * `push(channel, payload)`.
 */
import { buildClientApi, type ClientApi } from '../../preload/api-shape';
import {
  channelKinds,
  channels,
  type InvokeChannel,
  type PushChannel,
  type RequestOf,
  type ResponseOf,
  type Result,
} from '../../preload/contract';

export type FakeAnswers = {
  [K in InvokeChannel]?: (request: RequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>> | Result<ResponseOf<K>>;
};

export interface FakeApi {
  api: ClientApi;
  calls: Array<{ channel: string; request: unknown }>;
  push<K extends PushChannel>(channel: K, payload: ResponseOf<K>): void;
  listenerCount(channel: PushChannel): number;
}

export function createFakeApi(answers: FakeAnswers = {}): FakeApi {
  const calls: FakeApi['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api = buildClientApi(channelKinds(), {
    invoke: async (channel, request) => {
      calls.push({ channel, request });
      const answer = answers[channel as InvokeChannel] as ((request: unknown) => unknown) | undefined;
      if (!answer) return { ok: false, error: { code: 'unavailable', message: `No fake answer for ${channel}` } };
      const value = await answer(request);
      if (isResult(value)) return value;
      return { ok: true, value: channels[channel as InvokeChannel].response.parse(value) };
    },
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  });
  return {
    api,
    calls,
    push: (channel, payload) => {
      const parsed = channels[channel].response.parse(payload);
      for (const listener of listeners.get(channel) ?? []) listener(parsed);
    },
    listenerCount: (channel) => listeners.get(channel)?.size ?? 0,
  };
}

function isResult(value: unknown): value is Result<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'ok' in value &&
    typeof (value as { ok: unknown }).ok === 'boolean' &&
    ('value' in value || 'error' in value)
  );
}

/** Installs a fake as window.api for one test; returns it. */
export function installFakeApi(answers: FakeAnswers = {}): FakeApi {
  const fake = createFakeApi(answers);
  window.api = fake.api;
  return fake;
}
