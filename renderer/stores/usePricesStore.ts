/**
 * The Settings view's model prices, fed only through `window.api.prices`: the profile's overrides and the models the
 * built-in table prices. Main validates, completes cache prices and records each change; a refusal comes back as
 * main's words for the form.
 */
import { create } from 'zustand';
import type { PriceList } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';

export interface PriceDraft {
  model: string;
  effectiveFrom: string;
  input: string;
  output: string;
}

interface PricesState {
  list: PriceList | null;
  loadError: string | null;
  saveError: string | null;
  saving: boolean;
  load: () => Promise<void>;
  /** True when saved (the form then clears). */
  add: (draft: PriceDraft) => Promise<boolean>;
  remove: (model: string, effectiveFrom: string | null) => Promise<void>;
}

export const usePricesStore = create<PricesState>((set) => ({
  list: null,
  loadError: null,
  saveError: null,
  saving: false,
  load: async () => {
    try {
      set({ list: await unwrap(api().prices.list()), loadError: null });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },
  add: async (draft) => {
    set({ saving: true, saveError: null });
    try {
      const list = await unwrap(
        api().prices.set({
          model: draft.model.trim(),
          effectiveFrom: draft.effectiveFrom === '' ? null : draft.effectiveFrom,
          input: draft.input.trim(),
          output: draft.output.trim(),
        }),
      );
      set({ list, saving: false });
      return true;
    } catch (error) {
      set({ saving: false, saveError: errorMessage(error) });
      return false;
    }
  },
  remove: async (model, effectiveFrom) => {
    try {
      set({ list: await unwrap(api().prices.remove({ model, effectiveFrom })), saveError: null });
    } catch (error) {
      set({ saveError: errorMessage(error) });
    }
  },
}));
