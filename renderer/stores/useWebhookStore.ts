/**
 * The profile's team webhook as the window knows it: set or not, the host it posts to, the format, how the last post
 * went. The URL typed in Settings is handed to main once (`webhooks.set`) and never kept in this store.
 */
import { create } from 'zustand';
import type { WebhookFormatChoice, WebhookStatus } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';

interface WebhookState {
  status: WebhookStatus | null;
  busy: boolean;
  error: string | null;
  /** Why the status could not be read (a window without a keychain); said quietly, it is not the admin's doing. */
  loadError: string | null;
  /** The outcome of the last "Send test" (null before one). */
  tested: { delivered: boolean; error: string | null } | null;
  load: () => Promise<void>;
  save: (url: string, format: WebhookFormatChoice) => Promise<boolean>;
  setFormat: (format: WebhookFormatChoice) => Promise<void>;
  remove: () => Promise<void>;
  test: () => Promise<void>;
}

export const useWebhookStore = create<WebhookState>((set) => {
  const run = async (step: () => Promise<Partial<WebhookState>>): Promise<boolean> => {
    set({ busy: true, error: null });
    try {
      set({ ...(await step()), busy: false });
      return true;
    } catch (error) {
      set({ error: errorMessage(error), busy: false });
      return false;
    }
  };
  return {
    status: null,
    busy: false,
    error: null,
    loadError: null,
    tested: null,
    load: async () => {
      try {
        set({ status: await unwrap(api().webhooks.status()), loadError: null });
      } catch (error) {
        set({ loadError: errorMessage(error) });
      }
    },
    save: (url, format) =>
      run(async () => ({ status: await unwrap(api().webhooks.set({ url, format })), tested: null })),
    setFormat: async (format) => {
      await run(async () => ({ status: await unwrap(api().webhooks.setFormat({ format })) }));
    },
    remove: async () => {
      await run(async () => ({ status: await unwrap(api().webhooks.remove()), tested: null }));
    },
    test: async () => {
      await run(async () => {
        const tested = await unwrap(api().webhooks.test());
        return { tested, status: await unwrap(api().webhooks.status()) };
      });
    },
  };
});
