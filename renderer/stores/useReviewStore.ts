/**
 * The "Export review" control's state, fed only through `window.api.review`: the period typed (empty: main's
 * default, the last whole quarter) and the last export. Main writes the file and records it; the window only asks.
 */
import { create } from 'zustand';
import type { ReviewExportResult } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';

export type ReviewFormat = 'html' | 'csv' | 'pdf';
export type ReviewExportState =
  | { status: 'idle' }
  | { status: 'running'; format: ReviewFormat }
  | { status: 'done'; result: ReviewExportResult }
  | { status: 'error'; message: string };

interface ReviewState {
  from: string;
  to: string;
  exportState: ReviewExportState;
  setPeriod: (patch: { from?: string; to?: string }) => void;
  exportReview: (format: ReviewFormat) => Promise<void>;
}

export const useReviewStore = create<ReviewState>((set, get) => ({
  from: '',
  to: '',
  exportState: { status: 'idle' },
  setPeriod: (patch) => set(patch),
  exportReview: async (format) => {
    if (get().exportState.status === 'running') return;
    const { from, to } = get();
    if ((from === '') !== (to === '')) {
      set({ exportState: { status: 'error', message: 'Give both dates, or neither for the last whole quarter.' } });
      return;
    }
    set({ exportState: { status: 'running', format } });
    try {
      const period = from === '' ? {} : { from, to };
      const result = await unwrap(api().review.export({ ...period, format }));
      set({ exportState: { status: 'done', result } });
    } catch (error) {
      set({ exportState: { status: 'error', message: errorMessage(error) } });
    }
  },
}));
