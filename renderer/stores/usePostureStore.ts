/**
 * The access checklist for the Posture view (`posture.report()`): the report, the daily trend, and the two fixes that
 * are not admin actions (mark the audit trail reviewed, set a budget), each answered with the re-evaluated report.
 * Key renames and disables go through useActionsStore (confirmed and recorded by main) and reload this after.
 */
import { create } from 'zustand';
import type { PostureView } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';
import type { LoadStatus } from './useOrgStore';

interface PostureState {
  status: LoadStatus;
  view: PostureView | null;
  error: string | null;
  /** A fix in flight or its failure, shown beside the items. */
  busy: boolean;
  fixError: string | null;
  load: () => Promise<void>;
  markReviewed: () => Promise<void>;
  setBudget: (workspaceId: string | null, usd: string) => Promise<void>;
}

export const usePostureStore = create<PostureState>((set, get) => {
  const applying = async (pending: () => Promise<PostureView>) => {
    set({ busy: true, fixError: null });
    try {
      set({ view: await pending(), busy: false });
    } catch (error) {
      set({ busy: false, fixError: errorMessage(error) });
    }
  };
  return {
    status: 'idle',
    view: null,
    error: null,
    busy: false,
    fixError: null,
    load: async () => {
      set({ status: get().view ? 'ready' : 'loading', error: null });
      try {
        set({ view: await unwrap(api().posture.report()), status: 'ready' });
      } catch (error) {
        set({ status: 'error', error: errorMessage(error) });
      }
    },
    markReviewed: () => applying(() => unwrap(api().posture.markReviewed({}))),
    setBudget: (workspaceId, usd) => applying(() => unwrap(api().posture.setBudget({ workspaceId, usd }))),
  };
});
