/**
 * The alert centre's state, fed only through window.api: the open and recent episodes, the active snoozes and
 * the rule settings form. Main validates every rule; a refused save keeps main's message per field so the view
 * shows it next to that field.
 */
import { create } from 'zustand';
import type {
  AlertRulesForm,
  AlertRulesState,
  AlertsList,
  SnoozeDurationId,
  AlertRuleId,
} from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';

export interface SnoozeSubject {
  rule: AlertRuleId | '*';
  targetId: string | null;
}

interface AlertsState {
  list: AlertsList | null;
  listError: string | null;
  rules: AlertRulesState | null;
  rulesError: string | null;
  /** Field → main's message, from the last refused save. */
  fieldErrors: Record<string, string>;
  /** "Saved." after a save; the outcome of a snooze. */
  status: string | null;
  actionError: string | null;
  busy: boolean;
  load: () => Promise<void>;
  loadRules: () => Promise<void>;
  snooze: (subject: SnoozeSubject, duration: SnoozeDurationId, description: string) => Promise<boolean>;
  unsnooze: (subject: SnoozeSubject, description: string) => Promise<boolean>;
  saveRules: (form: AlertRulesForm) => Promise<boolean>;
}

export const useAlertsStore = create<AlertsState>((set) => {
  const act = async (run: () => Promise<AlertsList>, done: string): Promise<boolean> => {
    set({ busy: true, actionError: null, status: null });
    try {
      set({ list: await run(), busy: false, status: done });
      return true;
    } catch (error) {
      set({ busy: false, actionError: errorMessage(error) });
      return false;
    }
  };
  return {
    list: null,
    listError: null,
    rules: null,
    rulesError: null,
    fieldErrors: {},
    status: null,
    actionError: null,
    busy: false,
    load: async () => {
      try {
        set({ list: await unwrap(api().alerts.list()), listError: null });
      } catch (error) {
        set({ listError: errorMessage(error) });
      }
    },
    loadRules: async () => {
      try {
        set({ rules: await unwrap(api().alerts.rules()), rulesError: null });
      } catch (error) {
        set({ rulesError: errorMessage(error) });
      }
    },
    snooze: (subject, duration, description) =>
      act(() => unwrap(api().alerts.snooze({ ...subject, duration })), `Snoozed ${description}.`),
    unsnooze: (subject, description) =>
      act(() => unwrap(api().alerts.unsnooze(subject)), `Ended the snooze of ${description}.`),
    saveRules: async (form) => {
      set({ busy: true, status: null, actionError: null });
      try {
        const result = await unwrap(api().alerts.setRules(form));
        const { saved, errors, ...state } = result;
        set({
          rules: state,
          fieldErrors: errors,
          busy: false,
          status: saved ? 'Saved. The alert list follows the new rules.' : null,
        });
        // The new rules were evaluated in main: the list may have opened or closed episodes.
        if (saved) set({ list: await unwrap(api().alerts.list()) });
        return saved;
      } catch (error) {
        set({ busy: false, actionError: errorMessage(error) });
        return false;
      }
    },
  };
});
