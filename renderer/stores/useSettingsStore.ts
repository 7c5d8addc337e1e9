/**
 * Settings as main holds them: the profiles (with "key stored?", never a key) and the active profile's
 * sync interval, history to keep and audit retention. Values are validated in main; a refused value keeps
 * main's message per field so the view can show it next to that field.
 */
import { create } from 'zustand';
import type { EditableSetting, SettingsSnapshot } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';
import { useAppStore } from './useAppStore';
import { useOrgStore } from './useOrgStore';
import { useVaultStore } from './useVaultStore';

type FieldErrors = Partial<Record<EditableSetting, string>>;

interface SettingsState {
  snapshot: SettingsSnapshot | null;
  loadError: string | null;
  fieldErrors: FieldErrors;
  /** Shown in a status line after a save ("Saved."). */
  savedMessage: string | null;
  profileError: string | null;
  /** A profile operation (switch, add, remove) is in flight. */
  busy: boolean;
  load: () => Promise<void>;
  /** Saves the values that differ from the stored ones, one by one; true when all were accepted. */
  save: (values: Partial<Record<EditableSetting, number | null>>) => Promise<boolean>;
  setFieldError: (name: EditableSetting, message: string | null) => void;
  switchProfile: (profileId: string) => Promise<void>;
  addProfile: (label: string) => Promise<boolean>;
  removeProfile: (profileId: string, deleteMirror: boolean) => Promise<boolean>;
}

/** After the active profile changed, what the rest of the window shows about it is stale. */
function refreshAfterProfileChange(): void {
  void useAppStore.getState().load();
  void useVaultStore.getState().load();
  void useOrgStore.getState().load();
}

export const useSettingsStore = create<SettingsState>((set, get) => {
  const profileAction = async (run: () => Promise<SettingsSnapshot>, after?: () => void): Promise<boolean> => {
    set({ busy: true, profileError: null });
    try {
      set({ snapshot: await run(), busy: false });
      after?.();
      return true;
    } catch (error) {
      set({ profileError: errorMessage(error), busy: false });
      return false;
    }
  };

  return {
    snapshot: null,
    loadError: null,
    fieldErrors: {},
    savedMessage: null,
    profileError: null,
    busy: false,
    load: async () => {
      try {
        set({ snapshot: await unwrap(api().settings.get()), loadError: null });
      } catch (error) {
        set({ loadError: errorMessage(error) });
      }
    },
    save: async (values) => {
      const current = get().snapshot?.values;
      const fieldErrors: FieldErrors = {};
      let saved = 0;
      set({ savedMessage: null });
      for (const [name, value] of Object.entries(values) as Array<[EditableSetting, number | null]>) {
        if (current && current[name] === value) continue;
        try {
          set({ snapshot: await unwrap(api().settings.set({ name, value })) });
          saved += 1;
        } catch (error) {
          fieldErrors[name] = errorMessage(error);
        }
      }
      const ok = Object.keys(fieldErrors).length === 0;
      set({ fieldErrors, savedMessage: ok ? (saved > 0 ? 'Saved.' : 'Nothing changed.') : null });
      return ok;
    },
    setFieldError: (name, message) => {
      const fieldErrors = { ...get().fieldErrors };
      if (message === null) delete fieldErrors[name];
      else fieldErrors[name] = message;
      set({ fieldErrors, savedMessage: null });
    },
    switchProfile: async (profileId) => {
      await profileAction(() => unwrap(api().settings.switchProfile({ profileId })), refreshAfterProfileChange);
      set({ fieldErrors: {}, savedMessage: null });
    },
    addProfile: (label) => profileAction(() => unwrap(api().settings.addProfile({ label }))),
    removeProfile: (profileId, deleteMirror) =>
      profileAction(() => unwrap(api().settings.removeProfile({ profileId, deleteMirror }))),
  };
});
